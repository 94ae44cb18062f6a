import { Table, Text } from "@medusajs/ui"
import type { PriceImport } from "./types"

/** The first problems of an invalid file, by line, each naming its column ("row": the line as a whole). */
export const ImportErrorsTable = ({ job }: { job: PriceImport }) => {
  const errors = job.errors ?? []
  return (
    <div className="flex flex-col gap-y-2">
      <Text size="small" className="text-ui-fg-error">
        {job.rows_with_errors.toLocaleString()} of {job.rows_total.toLocaleString()} lines have problems. Nothing was applied: correct the file and upload it again.
        {errors.length < job.rows_with_errors ? ` The first ${errors.length} are shown.` : ""}
      </Text>
      <div className="max-h-[420px] overflow-y-auto rounded-md border">
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell className="w-[80px]">Line</Table.HeaderCell>
              <Table.HeaderCell className="w-[140px]">Column</Table.HeaderCell>
              <Table.HeaderCell>Problem</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {errors.map((e, i) => (
              <Table.Row key={`${e.line}-${e.field}-${i}`}>
                <Table.Cell className="tabular-nums">{e.line}</Table.Cell>
                <Table.Cell>
                  <code className="txt-compact-xsmall">{e.field}</code>
                </Table.Cell>
                <Table.Cell className="whitespace-normal">{e.message}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
    </div>
  )
}
