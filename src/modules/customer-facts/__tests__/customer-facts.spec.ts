import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { CUSTOMER_FACTS_MODULE } from ".."
import type CustomerFactsModuleService from "../service"
import type { CustomerAttributes, OrderFactInput } from "../types"

jest.setTimeout(120_000)

const DAY = 86_400_000
const now = new Date("2026-11-01T00:00:00Z")
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY)

const attributes = (customer_id: string, extra: Partial<CustomerAttributes> = {}): CustomerAttributes => ({
  customer_id,
  email: `${customer_id}@example.com`,
  first_name: null,
  last_name: null,
  has_account: false,
  customer_created_at: daysAgo(400),
  group_ids: [],
  metadata: null,
  country_code: "de",
  province: null,
  city: null,
  postal_code: null,
  ...extra,
})

const order = (customer_id: string, key: string, placed_at: Date, lines: [string, number, number, number?][], currency = "eur"): OrderFactInput => {
  const total = lines.reduce((s, [, qty, unit]) => s + qty * unit, 0)
  return {
    source: "medusa",
    order_key: key,
    customer_id,
    placed_at,
    currency_code: currency,
    total: String(total),
    refunded_total: "0",
    lines: lines.map(([sku, quantity, unit, refunded = 0]) => ({
      line_key: `${key}-${sku}`,
      product_id: `prod_${sku}`,
      variant_id: `var_${sku}`,
      sku,
      quantity,
      refunded_quantity: refunded,
      unit_amount: String(unit),
      net_amount: String((quantity - refunded) * unit),
    })),
  }
}

const write = (service: CustomerFactsModuleService, customers: CustomerAttributes[], orders: OrderFactInput[]) =>
  service.writeCustomerFacts({ customers, orders, removed_customer_ids: [], metadata_consents: [], loyalty: [] })

moduleIntegrationTestRunner<CustomerFactsModuleService>({
  moduleName: CUSTOMER_FACTS_MODULE,
  resolve: "./src/modules/customer-facts",
  testSuite: ({ service }) => {
    it("aggregates orders per currency and per product, keeping only the units not returned", async () => {
      await write(
        service,
        [attributes("cus_a")],
        [
          order("cus_a", "o1", daysAgo(60), [["FIN", 2, 1200, 1], ["SHA", 1, 450]], "twd"),
          order("cus_a", "o2", daysAgo(30), [["FIN", 1, 1200]], "twd"),
          order("cus_a", "o3", daysAgo(10), [["FIN", 1, 40]], "eur"),
        ]
      )
      const { fact, spend, products } = await service.retrieveCustomerProfile("cus_a")
      expect(fact).toMatchObject({ order_count: 3, main_currency_code: "twd", first_order_at: daysAgo(60), last_order_at: daysAgo(10) })
      expect(spend.map((s: { currency_code: string; order_count: number; total_spent: string }) => [s.currency_code, s.order_count, Number(s.total_spent)])).toEqual([
        ["twd", 2, 4050],
        ["eur", 1, 40],
      ])
      expect(Object.fromEntries(products.map((p: { sku: string; quantity: number; times_bought: number }) => [p.sku, [p.quantity, p.times_bought]]))).toEqual({
        FIN: [3, 3],
        SHA: [1, 1],
      })
    })

    it("re-imports the same order reference and SKU as an update, and keeps lines a later file leaves out", async () => {
      await write(service, [attributes("cus_i")], [])
      const imported = (lines: [string, number, number, number?][]) => ({ ...order("cus_i", "ERP-1", daysAgo(700), lines), source: "import" as const })
      await service.upsertImportedOrders([imported([["PF2-EN", 1, 199], ["ADDON", 2, 20]])])
      await service.upsertImportedOrders([imported([["PF2-EN", 1, 199]])])
      await service.upsertImportedOrders([imported([["ADDON", 2, 20, 2]])])
      const orders = await service.listOrderFacts({ customer_id: "cus_i" })
      expect(orders).toHaveLength(1)
      expect(Number(orders[0].total)).toBe(239)
      expect(Number(orders[0].net_total)).toBe(199)
      const { products } = await service.retrieveCustomerProfile("cus_i")
      expect(products.map((p: { sku: string }) => p.sku)).toEqual(["PF2-EN"])
    })

    it("records consent only when it changes, and never lets an unchanged metadata flag undo an unsubscribe", async () => {
      await write(service, [attributes("cus_c")], [])
      const consent = (granted: boolean, source: string) => ({ customer_id: "cus_c", purpose: "email_marketing" as const, granted, source })
      expect(await service.recordConsents([consent(true, "customer_metadata")])).toBe(1)
      expect(await service.recordConsents([consent(true, "customer_metadata")])).toBe(0)
      expect(await service.recordConsents([consent(false, "unsubscribe")])).toBe(1)
      expect(await service.recordConsents([consent(true, "customer_metadata")])).toBe(0)
      const [fact] = await service.listCustomerFacts({ customer_id: "cus_c" })
      expect(fact.email_marketing_consent).toBe(false)
      expect(await service.recordConsents([consent(true, "storefront")])).toBe(1)
      expect((await service.listCustomerFacts({ customer_id: "cus_c" }))[0].email_marketing_consent).toBe(true)
    })

    it("scores R, F and M by quintile: 1 + the boundaries strictly below the value", async () => {
      const customers = Array.from({ length: 10 }, (_, i) => `cus_q${i}`)
      await write(
        service,
        customers.map((id) => attributes(id)),
        customers.flatMap((id, i) =>
          Array.from({ length: i + 1 }, (_, k) => order(id, `${id}-o${k}`, daysAgo(100 - i * 10 + k), [["X", 1, 10 * (i + 1)]]))
        )
      )
      await service.recomputeRfm({ now })
      const rows = await service.listCustomerFacts({ customer_id: customers }, { order: { customer_id: "ASC" } })
      // Ten customers, each more recent, frequent and spending than the last: two per quintile.
      const expected = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
      expect(rows.map((r) => r.r_score)).toEqual(expected)
      expect(rows.map((r) => r.f_score)).toEqual(expected)
      expect(rows.map((r) => r.m_score)).toEqual(expected)
      // One customer's later refresh is scored against the same stored boundaries.
      await write(service, [attributes("cus_q0")], [order("cus_q0", "cus_q0-big", daysAgo(1), [["X", 50, 100]])])
      const [q0] = await service.listCustomerFacts({ customer_id: "cus_q0" })
      expect([q0.r_score, q0.f_score, q0.m_score]).toEqual([5, 1, 5])
    })

    it("facts written customer by customer in any order equal one full recomputation (property)", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              customer: fc.integer({ min: 0, max: 4 }),
              days: fc.integer({ min: 0, max: 900 }),
              sku: fc.constantFrom("A", "B", "C"),
              qty: fc.integer({ min: 1, max: 4 }),
              refunded: fc.integer({ min: 0, max: 4 }),
              unit: fc.integer({ min: 1, max: 500 }),
              currency: fc.constantFrom("eur", "usd"),
            }),
            { maxLength: 25 }
          ),
          async (plan) => {
            const ids = [0, 1, 2, 3, 4].map((i) => `cus_p${i}`)
            const ordersOf = (id: string) =>
              plan
                .map((p, n) => ({ p, n }))
                .filter(({ p }) => ids[p.customer] === id)
                .map(({ p, n }) => order(id, `p-${n}`, daysAgo(p.days), [[p.sku, p.qty, p.unit, Math.min(p.refunded, p.qty)]], p.currency))
            for (const id of ids) {
              await write(service, [attributes(id)], ordersOf(id))
            }
            const incremental = await service.listCustomerSpendFacts({ customer_id: ids }, { order: { customer_id: "ASC", currency_code: "ASC" } })
            const incrementalProducts = await service.listCustomerProductFacts({ customer_id: ids }, { order: { customer_id: "ASC", product_key: "ASC" } })
            const incrementalFacts = await service.listCustomerFacts({ customer_id: ids }, { order: { customer_id: "ASC" } })
            await service.recomputeAggregates()
            const strip = (rows: Record<string, unknown>[]) =>
              rows.map(({ id: _id, created_at: _c, updated_at: _u, refreshed_at: _r, ...rest }) => JSON.parse(JSON.stringify(rest)))
            expect(strip(await service.listCustomerSpendFacts({ customer_id: ids }, { order: { customer_id: "ASC", currency_code: "ASC" } }))).toEqual(strip(incremental))
            expect(strip(await service.listCustomerProductFacts({ customer_id: ids }, { order: { customer_id: "ASC", product_key: "ASC" } }))).toEqual(
              strip(incrementalProducts)
            )
            expect(strip(await service.listCustomerFacts({ customer_id: ids }, { order: { customer_id: "ASC" } }))).toEqual(strip(incrementalFacts))
          }
        ),
        { numRuns: 15 }
      )
    })
  },
})
