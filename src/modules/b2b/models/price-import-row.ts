import { model } from "@medusajs/framework/utils"

export const PRICE_IMPORT_ROW_SOURCES = ["file", "list"] as const
export const PRICE_IMPORT_ACTIONS = ["add", "change", "remove", "same"] as const

/**
 * Staging for an import, written and compared in the database so neither the file nor the price
 * list is ever held in memory: the file's valid lines (`file`) and the price list's prices when the
 * diff was taken (`list`). The diff marks each file line add / change / same and each list price
 * the file no longer has remove; `price_id` is the Medusa price it changed, removed or created and
 * `applied` says the change is written (what a rollback undoes).
 */
export const PriceImportRow = model
  .define("b2b_price_import_row", {
    id: model.text().primaryKey(),
    import_id: model.text(),
    source: model.enum([...PRICE_IMPORT_ROW_SOURCES]),
    /** The file line (file rows). */
    line: model.number().nullable(),
    variant_id: model.text().nullable(),
    price_set_id: model.text(),
    currency_code: model.text(),
    min_quantity: model.number().nullable(),
    max_quantity: model.number().nullable(),
    /** A decimal string, compared as numeric in SQL. */
    amount: model.text(),
    action: model.enum([...PRICE_IMPORT_ACTIONS]).nullable(),
    price_id: model.text().nullable(),
    old_amount: model.text().nullable(),
    applied: model.boolean().default(false),
  })
  .indexes([
    { on: ["import_id", "source", "price_set_id", "currency_code"], where: null },
    { on: ["import_id", "action", "id"], where: null },
  ])
