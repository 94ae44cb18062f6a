import { model } from "@medusajs/framework/utils"

export const PROPENSITY_STATUSES = ["pending", "running", "completed", "failed"] as const

/**
 * One trained propensity model: who is likely to buy the target (products, categories' products,
 * or a customer metadata flag) within `horizon_days`. Trained on features before a cut date with
 * the label "did it after", checked on a later held-out period (AUC, lift in the top 10 %), then
 * every customer is scored on today's features (insights_propensity_score).
 */
export const PropensityModel = model.define("insights_propensity_model", {
  id: model.id({ prefix: "iprop" }).primaryKey(),
  name: model.text(),
  /** `{ product_ids?, category_ids?, metadata_key?, metadata_value? }` as the admin gave it. */
  target: model.json(),
  /** The target resolved to product ids (categories expanded) when it was trained. */
  target_product_ids: model.array().default([]),
  horizon_days: model.number(),
  status: model.enum([...PROPENSITY_STATUSES]).default("pending"),
  /** Feature names, standardisation (mean, sd) and the fitted weights (intercept first). */
  features: model.json().nullable(),
  weights: model.json().nullable(),
  train_rows: model.number().default(0),
  train_positives: model.number().default(0),
  holdout_rows: model.number().default(0),
  holdout_positives: model.number().default(0),
  auc: model.float().nullable(),
  lift_top_decile: model.float().nullable(),
  scored_count: model.number().default(0),
  /** Features of the held-out period end here; the training period ends `horizon_days` before. */
  cut_at: model.dateTime().nullable(),
  trained_at: model.dateTime().nullable(),
  failure: model.text().nullable(),
  /** The saved segment of its top customers, once made. */
  segment_id: model.text().nullable(),
})
