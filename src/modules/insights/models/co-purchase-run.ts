import { model } from "@medusajs/framework/utils"
import { CO_PURCHASE_SCOPES } from "./co-purchase-pair"

/**
 * The last computation of one co-purchase scope: the thresholds it used, what it found, and the
 * fingerprint of the purchase facts it read, so a run over unchanged facts and settings is skipped.
 */
export const CoPurchaseRun = model
  .define("insights_co_purchase_run", {
    id: model.id({ prefix: "icpr" }).primaryKey(),
    scope: model.enum([...CO_PURCHASE_SCOPES]),
    min_support: model.float(),
    min_pair_count: model.number(),
    window_days: model.number().nullable(),
    max_basket_items: model.number(),
    basket_count: model.number(),
    pair_rows: model.number(),
    facts_fingerprint: model.text(),
    duration_ms: model.number(),
    computed_at: model.dateTime(),
  })
  .indexes([{ on: ["scope"], unique: true, where: null }])
