import { model } from "@medusajs/framework/utils"

export const HISTORY_IMPORT_STATUSES = ["pending", "running", "completed", "failed"] as const

/**
 * One import of a store's history (customers.csv and/or orders.csv, stored in Medusa's File
 * module): its progress while it runs, what it did (or, in a dry run, would do) and the first
 * line-numbered errors. `*_line` is the last file line whose batch was fully written: a rerun
 * after a crash resumes after it.
 */
export const HistoryImport = model
  .define("history_import", {
    id: model.id({ prefix: "himp" }).primaryKey(),
    status: model.enum([...HISTORY_IMPORT_STATUSES]).default("pending"),
    dry_run: model.boolean().default(false),
    customers_file_key: model.text().nullable(),
    customers_file_name: model.text().nullable(),
    orders_file_key: model.text().nullable(),
    orders_file_name: model.text().nullable(),
    /** Bytes of each file (known at upload; files are capped at 2 GiB) and of both read so far, for the progress bar. */
    customers_file_size: model.number().default(0),
    orders_file_size: model.number().default(0),
    bytes_read: model.number().default(0),
    customers_rows: model.number().default(0),
    orders_rows: model.number().default(0),
    customers_line: model.number().default(0),
    orders_line: model.number().default(0),
    customers_done: model.boolean().default(false),
    orders_done: model.boolean().default(false),
    customers_created: model.number().default(0),
    customers_matched: model.number().default(0),
    customers_updated: model.number().default(0),
    consents_recorded: model.number().default(0),
    orders_created: model.number().default(0),
    orders_updated: model.number().default(0),
    lines_upserted: model.number().default(0),
    unknown_sku_count: model.number().default(0),
    /** A few of the SKUs no variant has (kept as external products), sorted. */
    unknown_skus: model.array().default([]),
    rows_with_errors: model.number().default(0),
    /** The first errors, `[{ file, line, field, message }]`. */
    errors: model.json().nullable(),
    /** Why the import stopped, when it failed. */
    failure: model.text().nullable(),
    attempts: model.number().default(0),
    /** The admin user who uploaded the files; null from the CLI. */
    created_by: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["status", "created_at"] }])
