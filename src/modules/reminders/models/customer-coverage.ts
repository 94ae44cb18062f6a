import { model } from "@medusajs/framework/utils"

export const CYCLE_SOURCES = ["rule", "learned", "personal"] as const

/**
 * Until when a customer's purchases of a rule's products (and substitutes) last: rebuilt from the
 * purchase facts whenever they change, so buying early extends it and a cancel shortens it.
 */
export const CustomerCoverage = model
  .define("customer_coverage", {
    id: model.id({ prefix: "rcov" }).primaryKey(),
    customer_id: model.text(),
    rule_id: model.text(),
    covered_until: model.dateTime().nullable(),
    cycle_days: model.float().nullable(),
    cycle_source: model.enum([...CYCLE_SOURCES]).nullable(),
    units: model.number().default(0),
    last_purchase_at: model.dateTime().nullable(),
    /** What to put in the cart of a one-click reorder. */
    last_variant_id: model.text().nullable(),
    last_quantity: model.number().nullable(),
  })
  .indexes([
    { on: ["customer_id", "rule_id"], unique: true, where: null },
    { on: ["rule_id", "covered_until"], where: null },
  ])
