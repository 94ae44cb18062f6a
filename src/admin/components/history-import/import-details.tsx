import { Badge, Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { errorMessage } from "../../lib/error-message"
import { formatDateTime } from "../../lib/format"
import { QueryState } from "../common/query-state"
import { ImportProgress } from "./import-progress"
import { ImportStatusBadge } from "./import-status-badge"
import type { HistoryImport } from "./types"
import { useHistoryImport, useResumeHistoryImport } from "./use-history-imports"

const number = new Intl.NumberFormat()

const Count = ({ label, value }: { label: string; value: number }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus">
      {number.format(value)}
    </Text>
  </div>
)

function counts(job: HistoryImport) {
  const would = job.dry_run ? " (would be)" : ""
  return [
    { label: "customers.csv lines", value: job.customers_rows },
    { label: `Customers created${would}`, value: job.customers_created },
    { label: "Customers matched by e-mail", value: job.customers_matched },
    { label: `Customers completed${would}`, value: job.customers_updated },
    { label: `Consent records${would}`, value: job.consents_recorded },
    { label: "orders.csv lines", value: job.orders_rows },
    { label: `Orders created${would}`, value: job.orders_created },
    { label: `Orders updated${would}`, value: job.orders_updated },
    { label: `Order lines written${would}`, value: job.lines_upserted },
    { label: "Unknown SKUs", value: job.unknown_sku_count },
    { label: "Lines with errors", value: job.rows_with_errors },
  ]
}

/** One import: progress while it runs, then what it did (or would do), its first errors and unknown SKUs. */
export const ImportDetails = ({ id }: { id: string }) => {
  const { data, isLoading, isError, error } = useHistoryImport(id)
  const resume = useResumeHistoryImport()
  const job = data?.history_import
  return (
    <Container className="divide-y p-0">
      <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading the import…" isEmpty={!job} emptyText="">
        {job && (
          <>
            <div className="flex items-start justify-between gap-x-4 px-6 py-4">
              <div className="flex flex-col gap-y-1">
                <div className="flex items-center gap-x-2">
                  <Heading level="h2">{[job.customers_file_name, job.orders_file_name].filter(Boolean).join(" + ")}</Heading>
                  <ImportStatusBadge job={job} />
                </div>
                <Text size="small" className="text-ui-fg-subtle">
                  Started {formatDateTime(job.started_at ?? job.created_at)}
                  {job.finished_at ? `, finished ${formatDateTime(job.finished_at)}` : ""}
                  {job.attempts > 1 ? ` (${job.attempts} attempts)` : ""}
                </Text>
              </div>
              {job.status === "failed" && (
                <Button
                  size="small"
                  variant="secondary"
                  isLoading={resume.isPending}
                  onClick={() =>
                    resume.mutate(job.id, {
                      onSuccess: () => toast.success("Import resumed", { description: "It continues after its last saved line." }),
                      onError: (e) => toast.error(errorMessage(e)),
                    })
                  }
                >
                  Resume
                </Button>
              )}
            </div>
            <div className="px-6 py-4">
              <ImportProgress job={job} />
              {job.failure && (
                <Text size="small" className="text-ui-fg-error mt-2">
                  {job.failure}
                </Text>
              )}
            </div>
            <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
              {counts(job).map((c) => (
                <Count key={c.label} {...c} />
              ))}
            </div>
            {job.unknown_skus.length > 0 && (
              <div className="flex flex-col gap-y-2 px-6 py-4">
                <Text size="small" weight="plus">
                  SKUs no variant has, kept as external products{job.unknown_sku_count > job.unknown_skus.length ? ` (first ${job.unknown_skus.length} of ${number.format(job.unknown_sku_count)})` : ""}
                </Text>
                <div className="flex flex-wrap gap-2">
                  {job.unknown_skus.map((sku) => (
                    <Badge key={sku} size="2xsmall">
                      {sku}
                    </Badge>
                  ))}
                </div>
              </div>
            )}
            {(job.errors ?? []).length > 0 && (
              <div className="flex flex-col">
                <Text size="small" weight="plus" className="px-6 pt-4">
                  {job.rows_with_errors > (job.errors ?? []).length
                    ? `The first ${(job.errors ?? []).length} errors of ${number.format(job.rows_with_errors)} lines (bad lines are skipped)`
                    : "Errors (bad lines are skipped)"}
                </Text>
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>File</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Line</Table.HeaderCell>
                      <Table.HeaderCell>Field</Table.HeaderCell>
                      <Table.HeaderCell>Problem</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {(job.errors ?? []).map((e) => (
                      <Table.Row key={`${e.file}:${e.line}:${e.field}`}>
                        <Table.Cell>{e.file}</Table.Cell>
                        <Table.Cell className="text-right">{e.line}</Table.Cell>
                        <Table.Cell>
                          <code className="txt-compact-small">{e.field}</code>
                        </Table.Cell>
                        <Table.Cell className="whitespace-normal">{e.message}</Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              </div>
            )}
          </>
        )}
      </QueryState>
    </Container>
  )
}
