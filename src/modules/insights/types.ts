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

export type InsightsOptions = {
  coPurchase?: CoPurchaseOptions
}

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
