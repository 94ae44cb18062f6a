import { StatusBadge } from "@medusajs/ui"
import type { HistoryImport } from "./types"

const COLORS = { pending: "grey", running: "blue", completed: "green", failed: "red" } as const

/** Status of an import, with "dry run" when nothing was written. */
export const ImportStatusBadge = ({ job }: { job: Pick<HistoryImport, "status" | "dry_run"> }) => (
  <StatusBadge color={COLORS[job.status]}>
    {job.status}
    {job.dry_run ? " (dry run)" : ""}
  </StatusBadge>
)
