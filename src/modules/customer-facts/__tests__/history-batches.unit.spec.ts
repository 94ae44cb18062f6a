import { planCustomerBatch, type ExistingCustomer } from "../utils/history-customers"
import { buildImportedOrders } from "../utils/history-orders"
import type { CustomerRow, OrderRow } from "../utils/history-rows"

const customerRow = (line: number, email: string, extra: Partial<CustomerRow> = {}): CustomerRow => ({
  line,
  email,
  first_name: "Ada",
  last_name: "Lovelace",
  phone: null,
  country_code: "gb",
  city: "London",
  postal_code: "NW1",
  created_at: new Date("2019-03-15T00:00:00Z"),
  marketing_consent: false,
  metadata: null,
  ...extra,
})

const existing = (email: string, extra: Partial<ExistingCustomer> = {}): ExistingCustomer => ({
  id: `cus_${email}`,
  email,
  has_account: false,
  created_by: null,
  first_name: null,
  last_name: null,
  phone: null,
  metadata: null,
  has_address: false,
  ...extra,
})

const orderRow = (line: number, ref: string, sku: string, extra: Partial<OrderRow> = {}): OrderRow => ({
  line,
  order_ref: ref,
  email: "ada@example.com",
  placed_at: new Date("2022-05-01T00:00:00Z"),
  currency_code: "eur",
  sku,
  quantity: 2,
  unit_amount: "19.90",
  refunded_quantity: 0,
  ...extra,
})

describe("planning a batch of customers", () => {
  it("creates unknown e-mails with address and history date, and only completes a customer Medusa has", () => {
    const plan = planCustomerBatch(
      [
        customerRow(2, "new@example.com", { metadata: { source: "erp" } }),
        customerRow(3, "eve@example.com", { first_name: "Eva", phone: "+49 1", metadata: { tier: "gold", vip: true } }),
        customerRow(4, "full@example.com"),
      ],
      new Map([
        ["eve@example.com", existing("eve@example.com", { first_name: "Eve", metadata: { vip: false } })],
        ["full@example.com", existing("full@example.com", { first_name: "Ada", last_name: "Lovelace", has_address: true })],
      ]),
      "himp_1"
    )
    expect(plan.create).toEqual([
      {
        email: "new@example.com",
        first_name: "Ada",
        last_name: "Lovelace",
        phone: null,
        created_by: "himp_1",
        created_at: new Date("2019-03-15T00:00:00Z"),
        metadata: { source: "erp" },
        addresses: [
          { first_name: "Ada", last_name: "Lovelace", phone: null, city: "London", postal_code: "NW1", country_code: "gb", is_default_shipping: true, is_default_billing: true },
        ],
      },
    ])
    // Eve keeps her first name and her vip flag; she gets what she lacks.
    expect(plan.update).toEqual([{ id: "cus_eve@example.com", data: { last_name: "Lovelace", phone: "+49 1", metadata: { vip: false, tier: "gold" } } }])
    expect(plan.addresses.map((a) => a.customer_id)).toEqual(["cus_eve@example.com"])
    expect(plan.matched.map((c) => c.email)).toEqual(["eve@example.com", "full@example.com"])
  })

  it("takes the last line of a repeated e-mail, and counts a customer this import created as its own, not as matched", () => {
    const plan = planCustomerBatch(
      [customerRow(2, "x@example.com", { first_name: "First" }), customerRow(3, "x@example.com", { first_name: "Last" }), customerRow(4, "mine@example.com")],
      new Map([["mine@example.com", existing("mine@example.com", { created_by: "himp_1", first_name: "Ada", last_name: "Lovelace", has_address: true })]]),
      "himp_1"
    )
    expect(plan.create.map((c) => [c.email, c.first_name])).toEqual([["x@example.com", "Last"]])
    expect(plan.matched).toEqual([])
    expect(plan.ours.map((c) => c.email)).toEqual(["mine@example.com"])
    expect(plan.update).toEqual([])
  })
})

describe("building imported orders from a batch of lines", () => {
  const customers = new Map([
    ["ada@example.com", "cus_ada"],
    ["bob@example.com", "cus_bob"],
  ])
  const variants = new Map([["PF2-EN", { id: "variant_pf2", product_id: "prod_pf" }]])

  it("groups lines of one order that are not adjacent, keeps unknown SKUs as external products, totals in decimals", () => {
    const batch = buildImportedOrders(
      [
        orderRow(2, "A-1", "PF2-EN", { quantity: 1, unit_amount: "0.10" }),
        orderRow(3, "B-1", "PF2-EN", { email: "bob@example.com" }),
        orderRow(4, "A-1", "OLD-SKU", { quantity: 3, unit_amount: "0.20", refunded_quantity: 1 }),
      ],
      customers,
      variants,
      new Map()
    )
    expect(batch.errors).toEqual([])
    expect(batch.lines).toBe(3)
    expect(batch.unknown_skus).toEqual(["OLD-SKU"])
    const a1 = batch.orders.find((o) => o.order_key === "A-1")!
    expect(a1).toMatchObject({ source: "import", customer_id: "cus_ada", currency_code: "eur", total: "0.7", refunded_total: "0.2" })
    expect(a1.lines).toEqual([
      { line_key: "PF2-EN", product_id: "prod_pf", variant_id: "variant_pf2", sku: "PF2-EN", quantity: 1, refunded_quantity: 0, unit_amount: "0.10", net_amount: "0.1" },
      { line_key: "OLD-SKU", product_id: null, variant_id: null, sku: "OLD-SKU", quantity: 3, refunded_quantity: 1, unit_amount: "0.20", net_amount: "0.4" },
    ])
  })

  it("refuses a line without a customer, or disagreeing with its order's customer, date or currency as fixed earlier", () => {
    const batch = buildImportedOrders(
      [
        orderRow(2, "A-1", "PF2-EN"),
        orderRow(3, "A-1", "X", { email: "bob@example.com" }),
        orderRow(4, "A-1", "Y", { placed_at: new Date("2022-05-02T00:00:00Z") }),
        orderRow(5, "A-1", "Z", { currency_code: "usd" }),
        orderRow(6, "C-1", "PF2-EN", { email: "nobody@example.com" }),
        orderRow(7, "K-1", "PF2-EN", { email: "bob@example.com" }),
      ],
      customers,
      variants,
      new Map([["K-1", { customer_id: "cus_ada", placed_at: new Date("2022-05-01T00:00:00Z"), currency_code: "eur" }]])
    )
    expect(batch.errors).toEqual([
      { file: "orders.csv", line: 3, field: "email", message: "order A-1 belongs to another customer (line 2)" },
      { file: "orders.csv", line: 4, field: "placed_at", message: "order A-1 was placed at 2022-05-01T00:00:00.000Z (line 2)" },
      { file: "orders.csv", line: 5, field: "currency_code", message: "order A-1 is in eur (line 2)" },
      { file: "orders.csv", line: 6, field: "email", message: "no customer has this e-mail; add the customer to customers.csv" },
      { file: "orders.csv", line: 7, field: "email", message: "order K-1 belongs to another customer (its earlier lines)" },
    ])
    expect(batch.orders.map((o) => [o.order_key, o.lines.map((l) => l.sku)])).toEqual([["A-1", ["PF2-EN"]]])
  })

  it("keeps the last line of an order_ref and SKU given twice, as a re-import would", () => {
    const batch = buildImportedOrders([orderRow(2, "A-1", "PF2-EN", { quantity: 1 }), orderRow(3, "A-1", "PF2-EN", { quantity: 5 })], customers, variants, new Map())
    expect(batch.lines).toBe(1)
    expect(batch.orders[0].lines.map((l) => l.quantity)).toEqual([5])
  })
})
