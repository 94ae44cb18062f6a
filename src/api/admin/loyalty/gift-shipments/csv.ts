import { stringify, type Stringifier } from "csv-stringify"
import type { GiftShipmentWithVariant } from "../../../../modules/loyalty-points/types"

/** The columns of the gift shipment export, in order; the header row repeats them. */
export const GIFT_SHIPMENT_CSV_COLUMNS = [
  "id",
  "created_at",
  "customer_email",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "postal_code",
  "city",
  "province",
  "country_code",
  "phone",
  "gift_sku",
  "gift_quantity",
  "rule",
  "order_id",
  "status",
] as const

/** A phone number or a signed number: starts with + or - but is no formula. */
const SIGNED_NUMBER = /^[+-][\d\s().\/-]*$/

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading
 * apostrophe (OWASP "CSV injection"): the address comes from the shopper. csv-stringify's own
 * `escape_formulas` would also mark phone numbers ("+49 …"), which the packing list keeps as typed.
 */
export function neutralizeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !SIGNED_NUMBER.test(text) ? `'${text}` : text
}

/**
 * A CSV stream of gift shipments (RFC 4180: CRLF records, fields quoted when they hold a comma,
 * a quote or a line break), with a byte order mark so spreadsheet programs read the names as
 * UTF-8, and the header row. Write `giftShipmentCsvRecord`s to it.
 */
export function giftShipmentCsvStream(): Stringifier {
  return stringify({
    bom: true,
    header: true,
    columns: [...GIFT_SHIPMENT_CSV_COLUMNS],
    record_delimiter: "windows",
    cast: { string: neutralizeFormula, date: (date) => date.toISOString() },
  })
}

/** A gift shipment as a record of the export; the name and address are those it ships to. */
export function giftShipmentCsvRecord(shipment: GiftShipmentWithVariant): Record<(typeof GIFT_SHIPMENT_CSV_COLUMNS)[number], unknown> {
  const address = shipment.shipping_address ?? {}
  return {
    id: shipment.id,
    created_at: new Date(shipment.created_at),
    customer_email: shipment.customer?.email,
    first_name: address.first_name ?? shipment.customer?.first_name,
    last_name: address.last_name ?? shipment.customer?.last_name,
    address_1: address.address_1,
    address_2: address.address_2,
    postal_code: address.postal_code,
    city: address.city,
    province: address.province,
    country_code: address.country_code?.toUpperCase(),
    phone: address.phone,
    gift_sku: shipment.gift_variant?.sku,
    gift_quantity: shipment.gift_quantity,
    rule: shipment.rule?.name,
    order_id: shipment.order_id,
    status: shipment.status,
  }
}
