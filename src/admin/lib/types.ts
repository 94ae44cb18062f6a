/**
 * The shapes the plugin's admin API returns and accepts, as the dashboard sees them (JSON: dates are
 * ISO strings). They mirror the routes and validators under src/api/admin/loyalty; the gift
 * shipment's shape is the loyalty module's own type, imported (types only: nothing of the server
 * is bundled).
 */
import type {
  GiftShipment as ServerGiftShipment,
  GiftShipmentStatus,
  GiftShippingAddress,
} from "../../modules/loyalty-points/types"

/** What JSON makes of a server type: dates arrive as ISO strings. */
type Jsonified<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T

/** `limit` and `offset` a list was read with, and how many rows match in all. */
export type PaginatedResponse = {
  count: number
  limit: number
  offset: number
}

/** The body of every DELETE on the loyalty admin API. */
export type AdminDeleteResponse<TObject extends string> = {
  id: string
  object: TObject
  deleted: boolean
}

/* ------------------------------------------------------------------ customer points */

export type PointsBalance = {
  customer_id: string
  /** Cached ledger balance: may exceed `available` (pending lots) or be negative (debt). */
  balance: number
  /** Points the customer can redeem now. */
  available: number
  /** Points earned but not yet usable (return window). */
  pending: number
  /** Points owed after a reversal took back more than was left. */
  debt: number
  lifetime_earned: number
  next_expiry: { points: number; expires_at: string } | null
}

export type PointsLot = {
  id: string
  points: number
  remaining: number
  earned_at: string
  available_at: string
  expires_at: string | null
  /** Points per currency unit in force when earned; a decimal, serialised as a number or string. */
  rate: number | string | null
  order_id: string | null
}

export type AdminCustomerLoyaltyResponse = {
  customer_id: string
  balance: PointsBalance
  lots: PointsLot[]
  tier: null
}

export const POINTS_TRANSACTION_TYPES = ["earn", "redeem", "expire", "reverse", "adjust", "referral", "reward"] as const
export type PointsTransactionType = (typeof POINTS_TRANSACTION_TYPES)[number]

export type PointsTransaction = {
  id: string
  customer_id: string
  type: PointsTransactionType
  /** Signed: credits are positive, debits negative. */
  points: number
  occurred_at: string
  reason: string | null
  actor_id: string | null
  order_id: string | null
  line_item_id: string | null
  lot_id: string | null
  idempotency_key: string | null
  metadata: Record<string, unknown> | null
  created_at: string
}

export type AdminPointsTransactionsParams = {
  limit: number
  offset: number
  type?: PointsTransactionType
}

export type AdminPointsTransactionsResponse = PaginatedResponse & {
  transactions: PointsTransaction[]
}

export type AdminAdjustPointsPayload = {
  /** A non-zero whole number: positive credits, negative debits. */
  points: number
  reason: string
  idempotency_key?: string
}

export type AdminAdjustPointsResponse = {
  transaction_id: string
  balance: PointsBalance
}

export type BalanceMismatch = {
  account_id: string
  customer_id: string
  cached_balance: number
  ledger_sum: number
  lots_minus_debt: number
}

export type AdminBalanceCheckResponse = {
  ok: boolean
  mismatches: BalanceMismatch[]
}

/* ------------------------------------------------------------------ earn rules */

export const EARN_RULE_MULTIPLIER_TARGETS = ["product", "collection", "category"] as const
export type EarnRuleMultiplierTarget = (typeof EARN_RULE_MULTIPLIER_TARGETS)[number]

export type EarnRuleMultiplier = {
  target: EarnRuleMultiplierTarget
  id: string
  multiplier: number
}

export type EarnRule = {
  id: string
  name: string
  points_per_unit: number
  currency_code: string | null
  region_id: string | null
  sales_channel_id: string | null
  customer_group_id: string | null
  multipliers: { items: EarnRuleMultiplier[] } | null
  include_shipping: boolean
  include_tax: boolean
  starts_at: string | null
  ends_at: string | null
  is_active: boolean
  priority: number
  created_at: string
  updated_at: string
}

/** The body of a create; an update takes any subset of it. */
export type AdminEarnRulePayload = {
  name: string
  points_per_unit: number
  currency_code: string | null
  region_id: string | null
  sales_channel_id: string | null
  customer_group_id: string | null
  multipliers: { items: EarnRuleMultiplier[] }
  include_shipping: boolean
  include_tax: boolean
  starts_at: string | null
  ends_at: string | null
  is_active: boolean
  priority: number
}

export type AdminEarnRulesResponse = PaginatedResponse & { earn_rules: EarnRule[] }
export type AdminEarnRuleResponse = { earn_rule: EarnRule }

/* ------------------------------------------------------------------ purchase reward rules */

export const PURCHASE_REWARD_TYPES = ["gift_shipment", "promotion_code", "bonus_points"] as const
export type PurchaseRewardType = (typeof PURCHASE_REWARD_TYPES)[number]

/** "Buy N, get one": every `every_quantity` units of one product or one variant earn a reward. */
export type PurchaseRewardRule = {
  id: string
  name: string
  product_id: string | null
  variant_id: string | null
  every_quantity: number
  reward_type: PurchaseRewardType
  bonus_points: number | null
  gift_variant_id: string | null
  gift_quantity: number
  is_active: boolean
  created_at: string
  updated_at: string
}

/** The body of a create; an update takes any subset of it. Exactly one of product_id and variant_id. */
export type AdminPurchaseRewardRulePayload = {
  name: string
  product_id: string | null
  variant_id: string | null
  every_quantity: number
  reward_type: PurchaseRewardType
  bonus_points: number | null
  gift_variant_id: string | null
  gift_quantity: number
  is_active: boolean
}

export type AdminPurchaseRewardRulesResponse = PaginatedResponse & {
  purchase_reward_rules: PurchaseRewardRule[]
}
export type AdminPurchaseRewardRuleResponse = { purchase_reward_rule: PurchaseRewardRule }

/* ------------------------------------------------------------------ tiers */

export const TIER_BASES = ["points", "spend"] as const
export type TierBasis = (typeof TIER_BASES)[number]

/** A tier reached by rolling-12-month points (basis "points") or spend in one currency ("spend"). */
export type LoyaltyTier = {
  id: string
  name: string
  rank: number
  basis: TierBasis
  /** A decimal, serialised as a number or string. */
  threshold: number | string
  currency_code: string | null
  earn_multiplier: number | string
  customer_group_id: string | null
  is_active: boolean
  created_at: string
  updated_at: string
}

/** The body of a create; an update takes any subset of it. `currency_code` is required for basis "spend". */
export type AdminTierPayload = {
  name: string
  rank: number
  basis: TierBasis
  threshold: number
  currency_code: string | null
  earn_multiplier: number
  customer_group_id: string | null
  is_active: boolean
}

export type AdminTiersResponse = PaginatedResponse & { tiers: LoyaltyTier[] }
export type AdminTierResponse = { tier: LoyaltyTier }

/* ------------------------------------------------------------------ report */

export const REPORT_INTERVALS = ["day", "week", "month"] as const
export type ReportInterval = (typeof REPORT_INTERVALS)[number]

export type AdminPointsReportParams = { from: string; to: string; interval: ReportInterval }

export type PointsReportPeriod = {
  period: string
  issued: number
  redeemed: number
  expired: number
  reversed: number
  adjusted_down: number
}

/** Points outstanding now in one currency they were earned in (null: adjustments), and their value. */
export type PointsLiability = { currency_code: string | null; available: number; pending: number; amount: number }

export type AdminPointsReportResponse = {
  from: string
  to: string
  interval: ReportInterval
  periods: PointsReportPeriod[]
  liability: PointsLiability[]
}

/* ------------------------------------------------------------------ gift shipments */

export const GIFT_SHIPMENT_STATUSES = ["pending", "fulfilled", "cancelled"] as const satisfies readonly GiftShipmentStatus[]
export type { GiftShipmentStatus, GiftShippingAddress }

/** A gift shipment as the queue route returns it (the module's type, dates as JSON strings). */
export type GiftShipment = Jsonified<ServerGiftShipment>

export type AdminGiftShipmentsParams = {
  limit: number
  offset: number
  status?: GiftShipmentStatus
}

export type AdminGiftShipmentsResponse = PaginatedResponse & { gift_shipments: GiftShipment[] }

export type AdminFulfillGiftShipmentsPayload = {
  ids: string[]
  note?: string
}

export type AdminFulfillGiftShipmentsResponse = {
  /** Pending shipments this call marked fulfilled. */
  fulfilled: string[]
  /** Shipments fulfilled before; left unchanged. */
  already_fulfilled: string[]
  /** Cancelled shipments; left unchanged. */
  cancelled: string[]
}

/* ------------------------------------------------------------------ Medusa catalogue (read only) */

/** A product as the rule pickers read it from `GET /admin/products`. */
export type CatalogProduct = {
  id: string
  title: string
  handle?: string | null
  variants?: CatalogVariant[] | null
}

export type CatalogVariant = {
  id: string
  title: string | null
  sku: string | null
  product?: { id: string; title: string } | null
}

export type AdminCatalogProductsResponse = PaginatedResponse & { products: CatalogProduct[] }
export type AdminCatalogVariantsResponse = PaginatedResponse & { variants: CatalogVariant[] }

/** An option of a scope select (region, sales channel, customer group). */
export type NamedEntity = { id: string; name: string | null }
