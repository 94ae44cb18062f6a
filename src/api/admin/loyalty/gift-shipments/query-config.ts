/** The reward fields a gift shipment is made of; customer and rule are looked up beside them. */
export const GIFT_SHIPMENT_FIELDS = [
  "id",
  "customer_id",
  "rule_id",
  "sequence",
  "gift_variant_id",
  "gift_quantity",
  "shipping_address",
  "status",
  "order_id",
  "created_at",
  "fulfilled_at",
]

export const listGiftShipmentsQueryConfig = {
  defaults: GIFT_SHIPMENT_FIELDS,
  defaultLimit: 50,
  isList: true,
}

/** Rows read per round trip by the CSV export and the labels page. */
export const GIFT_SHIPMENT_EXPORT_PAGE_SIZE = 500
