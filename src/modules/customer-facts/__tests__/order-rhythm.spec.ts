import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { CUSTOMER_FACTS_MODULE } from ".."
import type CustomerFactsModuleService from "../service"
import type { CustomerAttributes, OrderFactInput } from "../types"

jest.setTimeout(120_000)

const DAY = 86_400_000
// The per-customer rebuild measures churn on today's date, so the orders are placed relative to it.
const now = new Date()
const daysAgo = (d: number) => new Date(now.getTime() - d * DAY)

const attributes = (customer_id: string): CustomerAttributes => ({
  customer_id,
  email: `${customer_id}@example.com`,
  first_name: null,
  last_name: null,
  has_account: true,
  customer_created_at: daysAgo(400),
  group_ids: [],
  metadata: null,
  country_code: "de",
  province: null,
  city: null,
  postal_code: null,
})

const orderAt = (customer_id: string, days: number): OrderFactInput => ({
  source: "medusa",
  order_key: `${customer_id}-${days}`,
  customer_id,
  placed_at: daysAgo(days),
  currency_code: "eur",
  total: "10",
  refunded_total: "0",
  lines: [{ line_key: "l1", product_id: "prod_a", variant_id: "var_a", sku: "A", quantity: 1, refunded_quantity: 0, unit_amount: "10", net_amount: "10" }],
})

/** Customers and the days ago of their orders. */
const HISTORY: Record<string, number[]> = {
  monthly_overdue: [120, 90, 60],
  monthly_on_time: [40, 10],
  slow: [100, 50],
  // Two orders on one day are one visit: no gap of their own.
  one_day: [45, 45],
  once: [45],
  never: [],
}

moduleIntegrationTestRunner<CustomerFactsModuleService>({
  moduleName: CUSTOMER_FACTS_MODULE,
  resolve: "./src/modules/customer-facts",
  testSuite: ({ service }) => {
    const load = async () => {
      const ids = Object.keys(HISTORY)
      const orders = ids.flatMap((id) => HISTORY[id].map((d, i) => ({ ...orderAt(id, d), order_key: `${id}-${i}` })))
      await service.writeCustomerFacts({ customers: ids.map(attributes), orders, removed_customer_ids: [], metadata_consents: [], loyalty: [] })
    }
    const factOf = async (id: string) => (await service.listCustomerFacts({ customer_id: id }))[0]

    it("expects the next order one own median gap after the last, and rates a monthly buyer 60 days quiet as high churn risk", async () => {
      await load()
      const overdue = await factOf("monthly_overdue")
      expect(overdue).toMatchObject({ expected_order_gap_days: 30, churn_risk_ratio: 2, churn_risk: "high" })
      expect(new Date(overdue.expected_next_order_at!).getTime()).toBe(daysAgo(30).getTime())
      expect(await factOf("monthly_on_time")).toMatchObject({ expected_order_gap_days: 30, churn_risk_ratio: 0.33, churn_risk: "low" })
      expect(await factOf("slow")).toMatchObject({ expected_order_gap_days: 50, churn_risk_ratio: 1, churn_risk: "low" })
      // No store gap yet: a one-visit customer has no rhythm to be late for.
      expect(await factOf("once")).toMatchObject({ expected_order_gap_days: null, churn_risk: null })
      expect(await factOf("never")).toMatchObject({ expected_order_gap_days: null, expected_next_order_at: null, churn_risk_ratio: null, churn_risk: null })
    })

    it("falls back to the store's median gap for one-visit customers, and moves the risk with the clock", async () => {
      await load()
      const result = await service.recomputeRfm({ now })
      // Repeat customers' own gaps 30, 30 and 50: the median is 30.
      expect(result.store_order_gap_days).toBe(30)
      expect(await factOf("once")).toMatchObject({ expected_order_gap_days: 30, churn_risk_ratio: 1.5, churn_risk: "medium" })
      expect(await factOf("one_day")).toMatchObject({ expected_order_gap_days: 30, churn_risk_ratio: 1.5, churn_risk: "medium" })
      expect(await factOf("never")).toMatchObject({ expected_order_gap_days: null, churn_risk: null })
      // An unchanged day changes no row.
      expect((await service.recomputeRfm({ now })).churn_rescored).toBe(0)

      const later = await service.recomputeRfm({ now: new Date(now.getTime() + 30 * DAY) })
      expect(later.churn_rescored).toBeGreaterThan(0)
      expect(await factOf("monthly_overdue")).toMatchObject({ churn_risk_ratio: 3, churn_risk: "high" })
      expect(await factOf("monthly_on_time")).toMatchObject({ churn_risk_ratio: 1.33, churn_risk: "medium" })
      expect(await factOf("slow")).toMatchObject({ churn_risk_ratio: 1.6, churn_risk: "medium" })
    })

    it("rebuilds one customer after a new order with their new rhythm, as a full recomputation does", async () => {
      await load()
      await service.recomputeRfm({ now })
      await service.writeCustomerFacts({
        customers: [attributes("monthly_overdue")],
        orders: [...HISTORY.monthly_overdue, 0].map((d, i) => ({ ...orderAt("monthly_overdue", d), order_key: `monthly_overdue-${i}` })),
        removed_customer_ids: [],
        metadata_consents: [],
        loyalty: [],
      })
      // Gaps 30, 30, 60: median 30, due again in 30 days.
      expect(await factOf("monthly_overdue")).toMatchObject({ expected_order_gap_days: 30, churn_risk_ratio: 0, churn_risk: "low" })
      const perCustomer = await service.listCustomerFacts({}, { select: ["customer_id", "expected_order_gap_days", "expected_next_order_at", "churn_risk_ratio", "churn_risk"] })
      await service.recomputeAggregates()
      const full = await service.listCustomerFacts({}, { select: ["customer_id", "expected_order_gap_days", "expected_next_order_at", "churn_risk_ratio", "churn_risk"] })
      const byId = (rows: typeof full) => Object.fromEntries(rows.map((r) => [r.customer_id, r]))
      expect(byId(full)).toEqual(byId(perCustomer))
    })
  },
})
