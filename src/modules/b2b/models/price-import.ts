import { model } from "@medusajs/framework/utils"

/**
 * pending → validating → invalid (line-numbered errors, nothing applied) or ready (the diff is
 * known) → applying → applied, or failed (whatever was applied is rolled back: the price list is
 * as before).
 */
export const PRICE_IMPORT_STATUSES = ["pending", "validating", "invalid", "ready", "applying", "applied", "failed"] as const

/**
 * One CSV of contract prices (stored in Medusa's File module): the file is the contract's whole
 * price list, so the diff against the price list says what would be added, changed, removed or
 * left as it is. Progress, counts and the first errors are kept here while it runs.
 */
export const PriceImport = model
  .define("b2b_price_import", {
    id: model.id({ prefix: "pimp" }).primaryKey(),
    contract_id: model.text(),
    price_list_id: model.text(),
    status: model.enum([...PRICE_IMPORT_STATUSES]).default("pending"),
    /** Apply as soon as the file is valid (no separate confirmation). */
    apply_when_ready: model.boolean().default(false),
    file_key: model.text(),
    file_name: model.text(),
    file_size: model.number().default(0),
    bytes_read: model.number().default(0),
    rows_total: model.number().default(0),
    rows_valid: model.number().default(0),
    rows_with_errors: model.number().default(0),
    /** The first errors, `[{ line, field, message }]`, by line. */
    errors: model.json().nullable(),
    added: model.number().default(0),
    changed: model.number().default(0),
    removed: model.number().default(0),
    unchanged: model.number().default(0),
    /** Changes written so far while applying (of added + changed + removed). */
    applied: model.number().default(0),
    /** The price list's price count and last change when the diff was taken: a list changed since is diffed again before applying. */
    list_fingerprint: model.text().nullable(),
    failure: model.text().nullable(),
    created_by: model.text().nullable(),
    started_at: model.dateTime().nullable(),
    validated_at: model.dateTime().nullable(),
    finished_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["contract_id", "created_at"] }, { on: ["status"] }])
