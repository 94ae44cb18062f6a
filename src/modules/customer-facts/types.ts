/** A customer's attributes as the projection stores them (from Medusa's Customer module). */
export type CustomerAttributes = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  has_account: boolean
  customer_created_at: Date | null
  group_ids: string[]
  metadata: Record<string, unknown> | null
  country_code: string | null
  province: string | null
  city: string | null
  postal_code: string | null
}

export type PurchaseFactInput = {
  line_key: string
  product_id: string | null
  variant_id: string | null
  sku: string | null
  quantity: number
  refunded_quantity: number
  unit_amount: string
  net_amount: string
}

/** One order that counts, with its lines, ready to store. */
export type OrderFactInput = {
  source: "medusa" | "import"
  order_key: string
  customer_id: string
  placed_at: Date
  currency_code: string
  total: string
  refunded_total: string
  lines: PurchaseFactInput[]
}

export type ConsentPurpose = "email_marketing" | "sms_marketing" | "tracking"

export type ConsentInput = {
  customer_id: string
  purpose: ConsentPurpose
  granted: boolean
  source: string
  recorded_at?: Date
  note?: string | null
}

export type LoyaltyFacts = { customer_id: string; points_balance: number; tier_id: string | null }

/** Everything one refresh writes for a set of customers (Medusa as the source). */
export type CustomerFactsSnapshot = {
  customers: CustomerAttributes[]
  /** Medusa orders of those customers that count; their imported history is kept as it is. */
  orders: OrderFactInput[]
  /** Customers Medusa no longer has: their facts are removed. */
  removed_customer_ids: string[]
  /** Consent derived from customer metadata (`metadata.marketing_consent`), recorded when it changes. */
  metadata_consents: ConsentInput[]
  loyalty: LoyaltyFacts[]
}
