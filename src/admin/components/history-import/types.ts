/** The history import as the admin API returns it (JSON: dates are ISO strings). */
export type HistoryImportStatus = "pending" | "running" | "completed" | "failed"

export type HistoryImportError = { file: "customers.csv" | "orders.csv"; line: number; field: string; message: string }

export type HistoryImport = {
  id: string
  status: HistoryImportStatus
  dry_run: boolean
  customers_file_name: string | null
  orders_file_name: string | null
  customers_file_size: number
  orders_file_size: number
  bytes_read: number
  customers_rows: number
  orders_rows: number
  customers_done: boolean
  orders_done: boolean
  customers_created: number
  customers_matched: number
  customers_updated: number
  consents_recorded: number
  orders_created: number
  orders_updated: number
  lines_upserted: number
  unknown_sku_count: number
  unknown_skus: string[]
  rows_with_errors: number
  errors: HistoryImportError[] | null
  failure: string | null
  attempts: number
  created_by: string | null
  started_at: string | null
  finished_at: string | null
  created_at: string
  updated_at: string
}

export type AdminHistoryImportResponse = { history_import: HistoryImport }

export type AdminHistoryImportsResponse = { history_imports: HistoryImport[]; count: number; limit: number; offset: number }

/** Whether an import may still change (the page polls while one does). */
export const isActive = (job: Pick<HistoryImport, "status">) => job.status === "pending" || job.status === "running"

/** Share of the files read, 0–100. */
export function progressPercent(job: HistoryImport): number {
  const total = job.customers_file_size + job.orders_file_size
  if (job.status === "completed" || !total) {
    return job.status === "completed" ? 100 : 0
  }
  return Math.min(100, Math.floor((job.bytes_read / total) * 100))
}
