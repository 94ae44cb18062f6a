/** What the admin propensity-model routes answer (src/api/admin/insights/propensity-models). */
export type PropensityStatus = "pending" | "running" | "completed" | "failed"

export type PropensityTarget = {
  product_ids?: string[]
  category_ids?: string[]
  metadata_key?: string
  metadata_value?: string
}

export type PropensityModel = {
  id: string
  name: string
  target: PropensityTarget
  target_product_ids: string[]
  horizon_days: number
  status: PropensityStatus
  failure: string | null
  auc: number | null
  lift_top_decile: number | null
  train_rows: number
  train_positives: number
  holdout_rows: number
  holdout_positives: number
  scored_count: number
  cut_at: string | null
  trained_at: string | null
  segment_id: string | null
  features: { names?: string[] } | null
  weights: number[] | null
  created_at: string
  library?: string
}

/** The body POST /admin/insights/propensity-models accepts (AdminCreatePropensityModel). */
export type PropensityModelPayload = {
  name: string
  target: PropensityTarget
  horizon_days: number
}

export type PropensityScore = { customer_id: string; score: number; rank: number }
