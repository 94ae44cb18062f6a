import { Text } from "@medusajs/ui"
import { progressPercent, type HistoryImport } from "./types"

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`

/** How much of the files an import has read. */
export const ImportProgress = ({ job, compact = false }: { job: HistoryImport; compact?: boolean }) => {
  const percent = progressPercent(job)
  const total = job.customers_file_size + job.orders_file_size
  return (
    <div className="flex min-w-[120px] flex-col gap-y-1">
      <div
        className="bg-ui-bg-component h-1.5 w-full overflow-hidden rounded-full"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className={`h-full rounded-full ${job.status === "failed" ? "bg-ui-tag-red-icon" : "bg-ui-fg-interactive"}`} style={{ width: `${percent}%` }} />
      </div>
      {!compact && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {percent}% — {megabytes(Math.min(job.bytes_read, total))} of {megabytes(total)}
        </Text>
      )}
    </div>
  )
}
