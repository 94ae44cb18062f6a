import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Pager } from "../common/pager"
import { QueryState } from "../common/query-state"
import { formatDateTime } from "../../lib/format"
import { ImportProgress } from "./import-progress"
import { ImportStatusBadge } from "./import-status-badge"
import { useHistoryImports } from "./use-history-imports"

const PAGE_SIZE = 10
const number = new Intl.NumberFormat()

/** Every import, newest first; a row opens its details. */
export const ImportsTable = ({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) => {
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error } = useHistoryImports({ limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })
  const rows = data?.history_imports ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Imports</Heading>
      </div>
      <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading imports…" isEmpty={!rows.length} emptyText="No import yet.">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Started</Table.HeaderCell>
              <Table.HeaderCell>Files</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Progress</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Customers</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Order lines</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Lines with errors</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((job) => (
              <Table.Row
                key={job.id}
                onClick={() => onSelect(job.id)}
                className={`cursor-pointer ${job.id === selectedId ? "bg-ui-bg-highlight" : ""}`}
              >
                <Table.Cell>{formatDateTime(job.started_at ?? job.created_at)}</Table.Cell>
                <Table.Cell>
                  <Text size="small">{[job.customers_file_name, job.orders_file_name].filter(Boolean).join(", ")}</Text>
                </Table.Cell>
                <Table.Cell>
                  <ImportStatusBadge job={job} />
                </Table.Cell>
                <Table.Cell>
                  <ImportProgress job={job} compact />
                </Table.Cell>
                <Table.Cell className="text-right">{number.format(job.customers_created + job.customers_matched)}</Table.Cell>
                <Table.Cell className="text-right">{number.format(job.lines_upserted)}</Table.Cell>
                <Table.Cell className="text-right">{number.format(job.rows_with_errors)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
      </QueryState>
    </Container>
  )
}
