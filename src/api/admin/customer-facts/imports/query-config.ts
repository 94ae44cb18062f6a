/** One field list for the list and the retrieve of history imports. */
export const ADMIN_HISTORY_IMPORT_FIELDS = [
  "id",
  "status",
  "dry_run",
  "customers_file_name",
  "orders_file_name",
  "customers_file_size",
  "orders_file_size",
  "bytes_read",
  "customers_rows",
  "orders_rows",
  "customers_done",
  "orders_done",
  "customers_created",
  "customers_matched",
  "customers_updated",
  "consents_recorded",
  "orders_created",
  "orders_updated",
  "lines_upserted",
  "unknown_sku_count",
  "unknown_skus",
  "rows_with_errors",
  "errors",
  "failure",
  "attempts",
  "created_by",
  "started_at",
  "finished_at",
  "created_at",
  "updated_at",
]

export const retrieveHistoryImportQueryConfig = {
  defaults: ADMIN_HISTORY_IMPORT_FIELDS,
  isList: false,
}

export const listHistoryImportsQueryConfig = {
  ...retrieveHistoryImportQueryConfig,
  defaultLimit: 20,
  isList: true,
}
