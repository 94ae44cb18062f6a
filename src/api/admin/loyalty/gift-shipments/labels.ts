import type { GiftShipmentWithVariant } from "../../../../modules/loyalty-points/types"

/** Labels per A4 sheet: 3 columns × 8 rows of 70 × 37 mm (Avery L7161-style sheets). */
export const LABELS_PER_SHEET = 24

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(value: unknown): string {
  return value === null || value === undefined ? "" : String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c])
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region" })

/** The country's English name for the label ("DE" → "Germany"); the code itself if unknown. */
function countryName(code: string | null | undefined): string | null {
  if (!code) {
    return null
  }
  const upper = code.toUpperCase()
  try {
    return regionNames.of(upper) ?? upper
  } catch {
    return upper
  }
}

/** The head of the labels page: print CSS for an A4 sheet of 3 × 8 labels. */
export function labelsDocumentHead(title: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 9.5pt; line-height: 1.25; color: #000; }
.sheet { width: 210mm; height: 296mm; padding: 0; display: grid; grid-template-columns: repeat(3, 70mm); grid-template-rows: repeat(8, 37mm); break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.label { padding: 4mm 5mm; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.label p { margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.label .name { font-weight: bold; }
.label .gift { margin-top: 1mm; font-size: 8pt; color: #333; }
.empty { padding: 10mm; }
@media screen { body { background: #eee; } .sheet { background: #fff; margin: 5mm auto; box-shadow: 0 0 2mm rgba(0,0,0,.3); } .label { outline: 1px dashed #ccc; } }
</style>
</head>
<body>
`
}

/** Closes the last sheet (if any) and the page. */
export function labelsDocumentTail(labelsWritten: number): string {
  const empty = labelsWritten === 0 ? `<p class="empty">No gift shipments to label.</p>\n` : ""
  return `${labelsWritten % LABELS_PER_SHEET === 0 ? "" : "</section>\n"}${empty}</body>\n</html>\n`
}

/** One mailing label: name, company, street lines, postal code and city, province, country, phone, gift. */
export function giftShipmentLabel(shipment: GiftShipmentWithVariant): string {
  const address = shipment.shipping_address ?? {}
  const name = [address.first_name ?? shipment.customer?.first_name, address.last_name ?? shipment.customer?.last_name]
    .filter(Boolean)
    .join(" ")
  const gift = shipment.gift_variant
  const giftName = [gift?.product_title, gift?.title].filter(Boolean).join(" – ")
  const giftLine = `Gift: ${shipment.gift_quantity} × ${giftName || shipment.gift_variant_id || "gift"}${gift?.sku ? ` (${gift.sku})` : ""}`
  const lines: [string, string | null | undefined][] = [
    ["name", name],
    ["company", address.company],
    ["street", address.address_1],
    ["street", address.address_2],
    ["city", [address.postal_code, address.city].filter(Boolean).join(" ")],
    ["province", address.province],
    ["country", countryName(address.country_code)],
    ["phone", address.phone ? `Tel. ${address.phone}` : null],
    ["gift", giftLine],
  ]
  const body = lines
    .filter(([, text]) => text)
    .map(([css, text]) => `<p class="${css}">${escapeHtml(text)}</p>`)
    .join("")
  return `<div class="label" data-id="${escapeHtml(shipment.id)}">${body}</div>\n`
}

/** The labels of one page of shipments, opening and closing A4 sheets every 24 labels. */
export function giftShipmentLabels(shipments: GiftShipmentWithVariant[], labelsBefore: number): string {
  let html = ""
  shipments.forEach((shipment, i) => {
    const position = labelsBefore + i
    if (position % LABELS_PER_SHEET === 0) {
      html += `${position ? "</section>\n" : ""}<section class="sheet">\n`
    }
    html += giftShipmentLabel(shipment)
  })
  return html
}
