import type { OrderReversalState } from "./utils/order-reversal-plan"

export type NegativeBalancePolicy = "allow_negative" | "clawback"

/** The loyalty part of the plugin options (`options.loyalty`). */
export type LoyaltyOptions = {
  /** Days after an order before its points become available (the return window). */
  returnWindowDays?: number
  /** Days points stay usable once available; null → never expire. */
  expiryDays?: number | null
  /** What a reversal does when the points were already spent. */
  negativeBalance?: NegativeBalancePolicy
  /** Days before points expire that the customer is warned by e-mail; 0 → no warning. */
  expiryWarningDays?: number
  redemption?: RedemptionOptions
  /** Points for both sides when a referee's first order is placed (pending for its return window). */
  referral?: { referrerPoints?: number; refereePoints?: number }
}

export type ResolvedLoyaltyOptions = Required<Omit<LoyaltyOptions, "redemption" | "referral">> & {
  redemption: Required<RedemptionOptions>
  referral: { referrerPoints: number; refereePoints: number }
}

export type CreditEntry = {
  idempotency_key: string
  points: number
  /** Overrides the input's occurred_at (a backfill credits many orders at once). */
  occurred_at?: Date
  order_id?: string | null
  line_item_id?: string | null
  /** Points per currency unit in force (for reversal at the same rate). */
  rate?: string | number | null
  base_amount?: string | number | null
  currency_code?: string | null
  quantity?: number | null
  /** Defaults: occurred_at + return window for order points, occurred_at otherwise. */
  available_at?: Date
  /** Defaults: available_at + expiryDays. */
  expires_at?: Date | null
  reason?: string | null
  actor_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type CreditPointsInput = {
  customer_id: string
  type: "earn" | "adjust" | "referral" | "reward"
  occurred_at?: Date
  entries: CreditEntry[]
}

export type DebitPointsInput = {
  customer_id: string
  type: "redeem" | "adjust"
  points: number
  idempotency_key: string
  occurred_at?: Date
  order_id?: string | null
  reason?: string | null
  actor_id?: string | null
  metadata?: Record<string, unknown> | null
}

export type LotReversal = {
  lot_id: string
  /** The currency amount refunded against the lot's base amount; ≥ base amount reverses it all. */
  refunded_amount: string | number
}

export type ReverseEarnedInput = {
  /** Identifies the refund/return/cancellation, so each is applied once: `reverse:<source>:<lot>`. */
  source_key: string
  reversals: LotReversal[]
  occurred_at?: Date
  reason?: string | null
}

/** An order's state after a cancellation, return or refund, for `reverseOrderPoints`. */
export type ReverseOrderPointsInput = OrderReversalState & {
  order_id: string
  /** The cause, unique per cancellation/return/refund: `cancel:<order>`, `return:<return>`, `refund:<refund>`. */
  source_key: string
  occurred_at?: Date
  reason?: string | null
}

export type PointsBalance = {
  customer_id: string
  /** Ledger sum: available + pending + expired-not-yet-processed − debt. */
  balance: number
  available: number
  pending: number
  /** Set aside on open carts. */
  held: number
  debt: number
  lifetime_earned: number
  next_expiry: { points: number; expires_at: Date } | null
}

export type BalanceMismatch = {
  account_id: string
  customer_id: string
  cached_balance: number
  ledger_sum: number
  lots_minus_debt: number
}

export type PurchaseCountEntryInput = {
  rule_id: string
  /** Units bought (positive) or returned (negative). */
  quantity: number
  idempotency_key: string
  order_id?: string | null
  line_item_id?: string | null
  variant_id?: string | null
}

export type CountPurchasesInput = {
  customer_id: string
  occurred_at?: Date
  /** The order whose purchase issued a reward, and where a gift goes. */
  order_id?: string | null
  shipping_address?: Record<string, unknown> | null
  entries: PurchaseCountEntryInput[]
}

export type IssuedPurchaseReward = {
  id: string
  rule_id: string
  customer_id: string
  sequence: number
  reward_type: "gift_shipment" | "promotion_code" | "bonus_points"
}

export type TierChange = { customer_id: string; from_tier_id: string | null; to_tier_id: string | null }

export type HoldPointsInput = {
  customer_id: string
  cart_id: string
  points: number
  /** The discount the points are worth, in the cart's currency. */
  amount: string | number
  currency_code: string
  expires_at: Date
  promotion_id?: string | null
  promotion_code?: string | null
  now?: Date
}

/** Redemption at checkout (`options.loyalty.redemption`). */
export type RedemptionOptions = {
  /** Currency amount one point is worth, per currency code; `default` for the others. */
  valuePerPoint?: Record<string, number>
  minPoints?: number
  step?: number
  /** Highest share of the cart's item subtotal points may pay, in percent. */
  maxPercentOfSubtotal?: number
  /** Hours a hold lives on an open cart before the job releases it. */
  holdHours?: number
}

export type PointsReport = {
  periods: { period: Date; issued: number; redeemed: number; expired: number; reversed: number; adjusted_down: number }[]
  /** Points outstanding now per currency they were earned in (null: adjustments), and their value. */
  liability: { currency_code: string | null; available: number; pending: number; amount: number }[]
}

/* Gift shipments: purchase rewards of type gift_shipment, in the admin fulfilment queue. */

export type GiftShipmentStatus = "pending" | "fulfilled" | "cancelled"

/** The address a gift goes to, as copied from the order that earned it. */
export type GiftShippingAddress = {
  first_name?: string | null
  last_name?: string | null
  company?: string | null
  address_1?: string | null
  address_2?: string | null
  city?: string | null
  province?: string | null
  postal_code?: string | null
  country_code?: string | null
  phone?: string | null
}

/** A purchase_reward row of type gift_shipment, as read from the loyalty module. */
export type GiftShipmentRow = {
  id: string
  customer_id: string
  rule_id: string
  sequence: number
  gift_variant_id: string | null
  gift_quantity: number
  shipping_address: GiftShippingAddress | null
  status: GiftShipmentStatus
  order_id: string | null
  created_at: Date | string
  fulfilled_at: Date | string | null
}

/** A gift shipment as the admin sees it in the fulfilment queue: the row with its customer and rule. */
export type GiftShipment = Omit<GiftShipmentRow, "rule_id"> & {
  customer: { email: string | null; first_name: string | null; last_name: string | null } | null
  rule: { id: string; name: string } | null
}

/** The variant sent as the gift, for the packing list and the labels. */
export type GiftVariant = { sku: string | null; title: string | null; product_title: string | null }

export type GiftShipmentWithVariant = GiftShipment & { gift_variant: GiftVariant | null }
