/**
 * The shapes the segments and customer-facts admin API return and accept, as the dashboard sees
 * them (JSON: dates are ISO strings, decimals may arrive as strings). The condition language's own
 * types are the server's, imported as types only (nothing of the server is bundled).
 */
import type { ExplainedNode } from "../../modules/segments/definition/explain"
import type { FieldDescription } from "../../modules/segments/definition/field-catalog"

export type { ExplainedNode, FieldDescription }

/** A decimal as Postgres hands it over JSON: a string (numeric) or a number. */
export type Decimal = string | number

/* ------------------------------------------------------------------ segments */

export type Segment = {
  id: string
  name: string
  description: string | null
  /** The condition tree as saved (see src/modules/segments/definition/schema.ts). */
  definition: unknown
  is_live: boolean
  depends_on_time: boolean
  customer_group_id: string | null
  store_visible: boolean
  member_count: number
  definition_version: number
  membership_version: number
  last_refreshed_at: string | null
  created_at: string
  updated_at: string
  /** The members still reflect an older definition: the worker is computing the new one. */
  refreshing: boolean
}

export type AdminSegmentsParams = { limit: number; offset: number; q?: string }
export type AdminSegmentsResponse = { segments: Segment[]; count: number; limit: number; offset: number }
export type AdminSegmentResponse = { segment: Segment }

/** The body of a create; an update takes any subset of it. */
export type AdminSegmentPayload = {
  name: string
  description: string | null
  definition: unknown
  is_live: boolean
  store_visible: boolean
  customer_group_id?: string | null
  create_customer_group?: boolean
}

export type AdminSegmentDeleteResponse = { id: string; object: "segment"; deleted: boolean }

export type AdminSegmentRefreshResponse = { segment_id: string; member_count: number; entered: number; exited: number }

export type AdminSegmentFieldsResponse = {
  fields: FieldDescription[]
  /** Named lists a country condition may use ("EU", "EUROPE"...), with the codes they expand to. */
  country_lists: Record<string, string[]>
}

/** What a preview sample and a members page show of a customer (the facts row). */
export type SegmentCustomer = {
  customer_id: string
  email: string | null
  first_name: string | null
  last_name: string | null
  country_code: string | null
  city: string | null
  order_count: number
  last_order_at: string | null
  main_currency_code: string | null
  total_spent: Decimal | null
  points_balance: number
}

export type AdminSegmentPreviewResponse = { count: number; sample: SegmentCustomer[]; took_ms: number }

export type SegmentMember = SegmentCustomer & { entered_at: string }
export type AdminSegmentMembersResponse = { members: SegmentMember[]; count: number; limit: number; next: string | null }

export type SegmentExplanation = {
  customer_id: string
  /** False when the customer has no facts row yet (then every condition reads as empty). */
  has_facts: boolean
  member: boolean
  tree: ExplainedNode
}
export type AdminSegmentExplainResponse = { explanation: SegmentExplanation }

/** A segment the customer is in, from GET /admin/segments/customers/:id. */
export type CustomerSegment = {
  id: string
  name: string
  customer_group_id: string | null
  member_count: number
  entered_at: string | null
}
export type AdminCustomerSegmentsResponse = { customer_id: string; segments: CustomerSegment[] }

/* ------------------------------------------------------------------ customer facts */

/** The customer_fact row (one per customer), as the profile route returns it. */
export type CustomerFact = {
  customer_id: string
  email: string | null
  has_account: boolean
  customer_created_at: string | null
  group_ids: string[] | null
  country_code: string | null
  province: string | null
  city: string | null
  postal_code: string | null
  email_marketing_consent: boolean
  sms_marketing_consent: boolean
  tracking_consent: boolean
  order_count: number
  first_order_at: string | null
  last_order_at: string | null
  main_currency_code: string | null
  total_spent: Decimal | null
  average_order_value: Decimal | null
  r_score: number | null
  f_score: number | null
  m_score: number | null
  points_balance: number
  tier_id: string | null
  refreshed_at: string
}

/** A customer's orders and spend in one currency, net of refunds. */
export type CustomerSpendFact = {
  currency_code: string
  order_count: number
  total_spent: Decimal
  refunded_total: Decimal
  average_order_value: Decimal
  first_order_at: string
  last_order_at: string
}

/** What a customer bought of one variant, or of an external SKU (`product_key` "sku:<SKU>"). */
export type CustomerProductFact = {
  product_key: string
  product_id: string | null
  variant_id: string | null
  sku: string | null
  first_purchased_at: string
  last_purchased_at: string
  times_bought: number
  quantity: number
}

export type AdminCustomerFactsResponse = {
  customer_id: string
  /** Null until the customer's facts are built (no event yet, backfill not run). */
  fact: CustomerFact | null
  spend: CustomerSpendFact[]
  products: CustomerProductFact[]
}

/* ------------------------------------------------------------------ pickers */

/** One option of a picker: what is stored (an id, a code) and how it is shown. */
export type PickerOption = { value: string; label: string; hint?: string; group?: string }
