/** Rows read per round trip by the CSV export and the labels page. */
export const GIFT_SHIPMENT_EXPORT_PAGE_SIZE = 500
