/**
 * The gift-shipment queue's shapes. Types only and no imports, so the admin dashboard imports them
 * too (src/admin/lib/types.ts) instead of declaring them again.
 */

export const GIFT_SHIPMENT_STATUSES = ["pending", "fulfilled", "cancelled"] as const
export type GiftShipmentStatus = (typeof GIFT_SHIPMENT_STATUSES)[number]

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
