import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { formatDateTime } from "../../lib/format"
import { QueryState } from "../common/query-state"
import { Pager } from "../common/pager"
import { ProgressBar } from "./import-progress-bar"
import { ImportStatusBadge } from "./status-badges"
import { isImportRunning, type PriceImport } from "./types"
import { usePriceImports } from "./use-b2b"

const PAGE_SIZE = 10

const progressOf = (job: PriceImport) =>
  job.status === "applying" ? { done: job.applied, total: job.added + job.changed + job.removed } : { done: job.bytes_read, total: job.file_size }

/** The contract's imports, newest first, live while one runs; a row opens it in the wizard. */
export const PriceImportsTable = ({ contractId, onOpen }: { contractId: string; onOpen: (id: string) => void }) => {
  const [pageIndex, setPageIndex] = useState(0)
  const { data, isLoading, isError, error } = usePriceImports(contractId, { limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })
  const imports = data?.price_imports ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Imports</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Every CSV uploaded for this contract: its checks, its diff and whether it was applied.
        </Text>
      </div>
      <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading imports…" isEmpty={!imports.length} emptyText="No imports yet.">
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>File</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Lines (errors)</Table.HeaderCell>
                <Table.HeaderCell className="text-right">+ / ~ / − / =</Table.HeaderCell>
                <Table.HeaderCell>Progress</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {imports.map((job) => (
                <Table.Row key={job.id} className="cursor-pointer" onClick={() => onOpen(job.id)}>
                  <Table.Cell>
                    <div className="flex flex-col py-1">
                      <Text size="small" weight="plus">
                        {job.file_name}
                      </Text>
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {formatDateTime(job.created_at)}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <ImportStatusBadge status={job.status} />
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {job.rows_total.toLocaleString()} ({job.rows_with_errors.toLocaleString()})
                  </Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {job.validated_at ? `${job.added} / ${job.changed} / ${job.removed} / ${job.unchanged}` : "—"}
                  </Table.Cell>
                  <Table.Cell className="w-[180px]">
                    {isImportRunning(job) ? <ProgressBar {...progressOf(job)} caption={job.status} /> : <Text size="xsmall" className="text-ui-fg-muted">{job.finished_at ? formatDateTime(job.finished_at) : "—"}</Text>}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </div>
      </QueryState>
    </Container>
  )
}
