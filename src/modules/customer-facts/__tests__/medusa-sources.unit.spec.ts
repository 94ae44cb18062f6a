import { metadataConsent, orderCounts, toCustomerAttributes, toOrderFact } from "../utils/medusa-sources"

describe("reading Medusa's customers and orders as facts", () => {
  it("keeps the units not received back and their share of the line total", () => {
    const fact = toOrderFact({
      id: "order_1",
      customer_id: "cus_1",
      currency_code: "TWD",
      created_at: "2026-05-01T10:00:00Z",
      // Medusa lowers the total by the credit line a refund adds.
      total: 2200,
      summary: { refunded_total: 1100, credit_line_total: 1100 },
      items: [
        { id: "li_1", quantity: 3, variant_id: "v1", product_id: "p1", variant_sku: " PH-FIN-28 ", unit_price: 1200, total: 3300, detail: { return_received_quantity: 1 } },
        null,
      ],
    })
    expect(fact).toMatchObject({ order_key: "order_1", currency_code: "twd", total: "3300", refunded_total: "1100" })
    expect(fact.lines).toEqual([
      { line_key: "li_1", product_id: "p1", variant_id: "v1", sku: "PH-FIN-28", quantity: 3, refunded_quantity: 1, unit_amount: "1200", net_amount: "2200" },
    ])
  })

  it("counts placed orders only: not drafts, not canceled, not without a customer", () => {
    const base = { id: "o", customer_id: "c", currency_code: "eur", created_at: new Date() }
    expect(orderCounts({ ...base, status: "completed" })).toBe(true)
    expect(orderCounts({ ...base, status: "canceled" })).toBe(false)
    expect(orderCounts({ ...base, status: "pending", is_draft_order: true })).toBe(false)
    expect(orderCounts({ ...base, customer_id: null })).toBe(false)
  })

  it("locates a customer by the default shipping address, else the newest one", () => {
    const at = (country: string, created_at: string, is_default_shipping = false) => ({ country_code: country, city: ` ${country} city `, created_at, is_default_shipping })
    const base = { id: "cus_1", email: " Ana@Example.COM ", groups: [{ id: "g2" }, { id: "g1" }, { id: "g2" }] }
    expect(toCustomerAttributes({ ...base, addresses: [at("FR", "2026-01-01"), at("DE", "2026-03-01"), at("IT", "2026-02-01", true)] })).toMatchObject({
      email: "ana@example.com",
      country_code: "it",
      city: "IT city",
      group_ids: ["g1", "g2"],
    })
    expect(toCustomerAttributes({ ...base, addresses: [at("FR", "2026-01-01"), at("DE", "2026-03-01")] }).country_code).toBe("de")
    expect(toCustomerAttributes({ id: "cus_2" })).toMatchObject({ email: null, country_code: null, has_account: false })
  })

  it("reads e-mail consent from metadata.marketing_consent only when it says true or false", () => {
    expect(metadataConsent({ id: "c", metadata: { marketing_consent: true } })).toMatchObject({ granted: true, purpose: "email_marketing" })
    expect(metadataConsent({ id: "c", metadata: { marketing_consent: "false" } })).toMatchObject({ granted: false })
    expect(metadataConsent({ id: "c", metadata: { marketing_consent: "" } })).toBeNull()
    expect(metadataConsent({ id: "c", metadata: null })).toBeNull()
  })
})
