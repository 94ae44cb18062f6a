import type { GiftShipmentWithVariant } from "./helpers"

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
 * One CSV field (RFC 4180): quoted when it holds a comma, a double quote, CR or LF, with the
 * quotes doubled. Text a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets
 * a leading apostrophe (OWASP "CSV injection"): the address comes from the shopper.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) {
    return ""
  }
  let text = value instanceof Date ? value.toISOString() : String(value)
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !SIGNED_NUMBER.test(text)) {
    text = `'${text}`
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV record, CRLF-terminated (RFC 4180). */
export function csvRecord(values: readonly unknown[]): string {
  return `${values.map(csvField).join(",")}\r\n`
}

/** A gift shipment as a row of the export; the name and address are those it ships to. */
export function giftShipmentCsvRecord(shipment: GiftShipmentWithVariant): string {
  const address = shipment.shipping_address ?? {}
  return csvRecord([
    shipment.id,
    new Date(shipment.created_at),
    shipment.customer?.email,
    address.first_name ?? shipment.customer?.first_name,
    address.last_name ?? shipment.customer?.last_name,
    address.address_1,
    address.address_2,
    address.postal_code,
    address.city,
    address.province,
    address.country_code?.toUpperCase(),
    address.phone,
    shipment.gift_variant?.sku,
    shipment.gift_quantity,
    shipment.rule?.name,
    shipment.order_id,
    shipment.status,
  ])
}
