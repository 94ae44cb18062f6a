import type { CO_PURCHASE_SCOPES } from "./models/co-purchase-pair"

export type CoPurchaseScope = (typeof CO_PURCHASE_SCOPES)[number]

export type CoPurchaseOptions = {
  /** Least share of baskets a pair (and each of its products) must be in to be kept. */
  minSupport?: number
  /** Least number of baskets a pair must be in, whatever the support (small stores). */
  minPairCount?: number
  /** "Bought together" across orders: both products bought by the customer within this many days. */
  windowDays?: number
  /** Orders with more distinct products than this (wholesale, staff orders) are left out of the order scope. */
  maxBasketItems?: number
  /** Customers with more product-days than this are left out of the window scope (its pairs grow with their square). */
  maxCustomerEvents?: number
  /** PostgreSQL work_mem for the computation, so its hashes stay in memory. */
  workMem?: string
}

export type PropensityOptions = {
  /** Most customers the model is trained on (a stable hash sample of the training period). */
  maxTrainingRows?: number
  /** Gradient descent steps and (per-row) learning rate of ml-logistic-regression. */
  steps?: number
  learningRate?: number
  /** Fewest buyers (and non-buyers) the training period must have for a model to be fitted. */
  minPositives?: number
  /** Co-purchase partners of the target (window scope, best lift) whose purchases are a feature. */
  relatedProducts?: number
}

export type InsightsOptions = {
  coPurchase?: CoPurchaseOptions
  propensity?: PropensityOptions
}

export type ResolvedPropensityOptions = Required<PropensityOptions>

export const PROPENSITY_DEFAULTS: ResolvedPropensityOptions = {
  maxTrainingRows: 50_000,
  steps: 300,
  learningRate: 1,
  minPositives: 10,
  relatedProducts: 20,
}

/** What a propensity model is trained to predict. */
export type PropensityTarget = { product_ids?: string[]; category_ids?: string[]; metadata_key?: string; metadata_value?: string }

/** What training, evaluating and scoring one model found. */
export type PropensityTrainingResult =
  | {
      status: "completed"
      auc: number | null
      lift_top_decile: number | null
      train_rows: number
      train_positives: number
      holdout_rows: number
      holdout_positives: number
      scored_count: number
      duration_ms: number
    }
  | { status: "failed"; failure: string }

export type ResolvedCoPurchaseOptions = Required<CoPurchaseOptions>

export const CO_PURCHASE_DEFAULTS: ResolvedCoPurchaseOptions = {
  minSupport: 0.0005,
  minPairCount: 3,
  windowDays: 30,
  maxBasketItems: 50,
  maxCustomerEvents: 500,
  workMem: "256MB",
}

/** What one co-purchase computation did. */
export type CoPurchaseRunSummary = {
  scope: CoPurchaseScope
  skipped: boolean
  basket_count: number
  pair_rows: number
  duration_ms: number
  computed_at: Date
}

/** One "bought together" row as the admin and the store read it. */
export type CoPurchaseRow = {
  product_key: string
  related_key: string
  pair_count: number
  product_count: number
  related_count: number
  basket_count: number
  support: number
  confidence: number
  lift: number
}
