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

export const OFFER_TYPES = ["refill", "points_expiring", "upgrade", "next_tier", "co_purchase"] as const
export type OfferType = (typeof OFFER_TYPES)[number]

export type OfferOptions = {
  /** Each offer's weight: an offer's score is its weight times its urgency (0–1). */
  weights?: Partial<Record<OfferType, number>>
  /** Offers switched off are never collected. */
  enabled?: Partial<Record<OfferType, boolean>>
  /** A refill is offered from this many days before the supply runs out (and up to 30 days after). */
  refillWindowDays?: number
  /** Points expiring within this many days are an offer. */
  pointsExpiringDays?: number
  /** "Close to the next tier": at most this share of the tier's threshold still to go. */
  nextTierWithin?: number
  /** Most "often bought with what you own" offers. */
  coPurchaseOffers?: number
  /** Most offers returned. */
  limit?: number
}

export type ResolvedOfferOptions = {
  weights: Record<OfferType, number>
  enabled: Record<OfferType, boolean>
  refillWindowDays: number
  pointsExpiringDays: number
  nextTierWithin: number
  coPurchaseOffers: number
  limit: number
}

export const OFFER_DEFAULTS: ResolvedOfferOptions = {
  weights: { refill: 1, points_expiring: 0.9, upgrade: 0.7, next_tier: 0.6, co_purchase: 0.5 },
  enabled: { refill: true, points_expiring: true, upgrade: true, next_tier: true, co_purchase: true },
  refillWindowDays: 14,
  pointsExpiringDays: 30,
  nextTierWithin: 0.2,
  coPurchaseOffers: 3,
  limit: 10,
}

/** One offer before ranking: what it is about, why, and how pressing it is (0–1). */
export type OfferCandidate = {
  type: OfferType
  urgency: number
  reason: string
  product_id?: string | null
  variant_id?: string | null
  details?: Record<string, unknown>
}

export type RankedOffer = OfferCandidate & { score: number; product_title?: string | null }

export type InsightsOptions = {
  coPurchase?: CoPurchaseOptions
  propensity?: PropensityOptions
  offers?: OfferOptions
}

export type ResolvedPropensityOptions = Required<PropensityOptions>

export const PROPENSITY_DEFAULTS: ResolvedPropensityOptions = {
  maxTrainingRows: 10_000,
  steps: 150,
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
  /** Order scope: the months recounted (the others' counts were still current); null for the window scope. */
  months_recounted: number | null
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
