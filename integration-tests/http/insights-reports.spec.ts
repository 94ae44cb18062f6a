import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { parse } from "csv-parse/sync"
import { B2B_MODULE } from "../../src/modules/b2b"
import type B2bModuleService from "../../src/modules/b2b/service"
import { CUSTOMER_FACTS_MODULE } from "../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../src/modules/customer-facts/service"
import type { CustomerAttributes, OrderFactInput } from "../../src/modules/customer-facts/types"
import { EMAIL_CAMPAIGNS_MODULE } from "../../src/modules/email-campaigns"
import type EmailCampaignsModuleService from "../../src/modules/email-campaigns/service"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { REMINDERS_MODULE } from "../../src/modules/reminders"
import type RemindersModuleService from "../../src/modules/reminders/service"
import { recomputeRfmWorkflow } from "../../src/workflows/customer-facts/recompute-rfm"
import { adminHeaders } from "../helpers/auth"
import { failure } from "../helpers/requests"

jest.setTimeout(300_000)

const customer = (customer_id: string, created: string, metadata: Record<string, unknown> | null): CustomerAttributes => ({
  customer_id,
  email: `${customer_id}@example.com`,
  first_name: null,
  last_name: null,
  has_account: true,
  customer_created_at: new Date(created),
  group_ids: [],
  metadata,
  country_code: "de",
  province: null,
  city: null,
  postal_code: null,
})

const order = (order_key: string, customer_id: string, placed: string, currency_code: string, amount: number, product_id = "prod_other"): OrderFactInput => ({
  source: "medusa",
  order_key,
  customer_id,
  placed_at: new Date(placed),
  currency_code,
  total: String(amount),
  refunded_total: "0",
  lines: [{ line_key: `${order_key}-1`, product_id, variant_id: null, sku: null, quantity: 1, refunded_quantity: 0, unit_amount: String(amount), net_amount: String(amount) }],
})

/**
 * A: first order in January, back in February (a reminded refill) and March (in USD); B: one
 * January order from a campaign; C: two February orders; D: signed up in March, never ordered.
 */
const CUSTOMERS = [
  customer("cus_rep_a", "2025-12-15T10:00:00Z", { sales_rep: "rita" }),
  customer("cus_rep_b", "2026-01-05T10:00:00Z", { sales_rep: "sam" }),
  customer("cus_rep_c", "2026-02-01T10:00:00Z", { sales_rep: "rita" }),
  customer("cus_rep_d", "2026-03-01T10:00:00Z", null),
]
const ORDERS = [
  order("order_a1", "cus_rep_a", "2026-01-10T12:00:00Z", "eur", 100),
  order("order_a2", "cus_rep_a", "2026-02-10T12:00:00Z", "eur", 50, "prod_refill"),
  order("order_a3", "cus_rep_a", "2026-03-15T12:00:00Z", "usd", 30),
  order("order_b1", "cus_rep_b", "2026-01-20T12:00:00Z", "eur", 200),
  order("order_c1", "cus_rep_c", "2026-02-05T12:00:00Z", "eur", 40),
  order("order_c2", "cus_rep_c", "2026-02-25T12:00:00Z", "eur", 60),
]
const PERIOD = "from=2026-01-01&to=2026-04-01"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: { headers: Record<string, string> }
    let campaignId: string
    const report = async (path: string) => (await api.get(`/admin/insights/reports/${path}`, headers)).data

    beforeAll(async () => {
      container = getContainer()
      headers = await adminHeaders(container, api)
      const facts: CustomerFactsModuleService = container.resolve(CUSTOMER_FACTS_MODULE)
      await facts.writeCustomerFacts({ customers: CUSTOMERS, orders: ORDERS, removed_customer_ids: [], metadata_consents: [], loyalty: [] })
      await recomputeRfmWorkflow(container).run({ input: {} })

      const b2b: B2bModuleService = container.resolve(B2B_MODULE)
      const acme = await b2b.createCompanies({ name: "Acme", customer_group_id: "cgrp_acme", account_manager_email: "am@example.com" })
      const beta = await b2b.createCompanies({ name: "Beta", customer_group_id: "cgrp_beta" })
      await b2b.createCompanyEmployees([
        { customer_id: "cus_rep_a", company_id: acme.id },
        { customer_id: "cus_rep_b", company_id: acme.id },
        { customer_id: "cus_rep_c", company_id: beta.id },
      ])

      const campaigns: EmailCampaignsModuleService = container.resolve(EMAIL_CAMPAIGNS_MODULE)
      const campaign = await campaigns.createEmailCampaigns({ name: "January sale", segment_id: "seg_any", from_email: "shop@example.com" })
      campaignId = campaign.id
      await campaigns.createCampaignAttributions({
        order_id: "order_b1",
        campaign_id: campaign.id,
        recipient_id: "ecr_b",
        customer_id: "cus_rep_b",
        touch: "click",
        touched_at: new Date("2026-01-19T12:00:00Z"),
        placed_at: new Date("2026-01-20T12:00:00Z"),
      })

      const reminders: RemindersModuleService = container.resolve(REMINDERS_MODULE)
      const rule = await reminders.createReminderRules({ product_id: "prod_refill", days_per_unit: 30 })
      await reminders.createReminders({
        customer_id: "cus_rep_a",
        rule_id: rule.id,
        coverage_end: new Date("2026-02-05T00:00:00Z"),
        due_at: new Date("2026-02-02T00:00:00Z"),
        status: "sent",
        sent_at: new Date("2026-02-02T08:00:00Z"),
      })

      const loyalty: LoyaltyPointsModuleService = container.resolve(LOYALTY_POINTS_MODULE)
      await loyalty.creditPoints({ customer_id: "cus_points_1", type: "adjust", entries: [{ idempotency_key: "rep-eur", points: 500, currency_code: "eur" }] })
      await loyalty.creditPoints({ customer_id: "cus_points_2", type: "adjust", entries: [{ idempotency_key: "rep-twd", points: 1000, currency_code: "twd" }] })
    })

    it("counts new, returning and active customers per month and the repeat-purchase rate", async () => {
      const data = await report(`customers?${PERIOD}`)
      expect(data.months).toEqual([
        { month: "2026-01", signups: 1, new_customers: 2, returning_customers: 0, active_customers: 2, orders: 2 },
        { month: "2026-02", signups: 1, new_customers: 1, returning_customers: 1, active_customers: 2, orders: 3 },
        { month: "2026-03", signups: 1, new_customers: 0, returning_customers: 1, active_customers: 1, orders: 1 },
      ])
      expect(data.repeat_purchase).toEqual({ buyers: 3, repeat_buyers: 2, rate: 0.6667 })
    })

    it("follows first-order cohorts month by month, with 0 % for months nobody came back", async () => {
      const data = await report(`cohort-retention?${PERIOD}&months=2`)
      expect(data.cohorts).toEqual([
        {
          cohort: "2026-01",
          customers: 2,
          months: [
            { month_offset: 0, active_customers: 2, retention: 1 },
            { month_offset: 1, active_customers: 1, retention: 0.5 },
            { month_offset: 2, active_customers: 1, retention: 0.5 },
          ],
        },
        {
          cohort: "2026-02",
          customers: 1,
          months: [
            { month_offset: 0, active_customers: 1, retention: 1 },
            { month_offset: 1, active_customers: 0, retention: 0 },
            { month_offset: 2, active_customers: 0, retention: 0 },
          ],
        },
      ])
    })

    it("values cohorts per currency, never adding euros to dollars", async () => {
      const data = await report(`lifetime-value?${PERIOD}&months=2`)
      const shape = data.cohorts.map((c: any) => ({ ...c, months: c.months.map((m: any) => [m.month_offset, Number(m.cumulative_revenue), Number(m.value_per_customer)]) }))
      expect(shape.map((c: any) => ({ ...c, revenue: Number(c.revenue), value_per_customer: Number(c.value_per_customer) }))).toEqual([
        { cohort: "2026-01", currency_code: "eur", customers: 2, revenue: 350, value_per_customer: 175, months: [[0, 300, 150], [1, 350, 175]] },
        { cohort: "2026-01", currency_code: "usd", customers: 1, revenue: 30, value_per_customer: 30, months: [[0, 0, 0], [1, 0, 0], [2, 30, 30]] },
        { cohort: "2026-02", currency_code: "eur", customers: 1, revenue: 100, value_per_customer: 100, months: [[0, 100, 100]] },
      ])
    })

    it("lays customers and their spend per currency on the 25 R × F cells as the facts score them", async () => {
      const data = await report("rfm-grid")
      expect(data.cells).toHaveLength(25)
      const facts: CustomerFactsModuleService = container.resolve(CUSTOMER_FACTS_MODULE)
      const scored = await facts.listCustomerFacts({ order_count: { $gt: 0 } })
      expect(scored).toHaveLength(3)
      const expected = new Map<string, { customers: number; eur: number; usd: number }>()
      const spentIn = (id: string, currency: string) => ORDERS.filter((o) => o.customer_id === id && o.currency_code === currency).reduce((s, o) => s + Number(o.total), 0)
      for (const f of scored) {
        const key = `${f.r_score}:${f.f_score}`
        const cell = expected.get(key) ?? { customers: 0, eur: 0, usd: 0 }
        expected.set(key, { customers: cell.customers + 1, eur: cell.eur + spentIn(f.customer_id, "eur"), usd: cell.usd + spentIn(f.customer_id, "usd") })
      }
      for (const cell of data.cells) {
        const want = expected.get(`${cell.r}:${cell.f}`) ?? { customers: 0, eur: 0, usd: 0 }
        const amount = (currency: string) => Number(cell.revenue.find((x: any) => x.currency_code === currency)?.amount ?? 0)
        expect({ customers: cell.customers, eur: amount("eur"), usd: amount("usd") }).toEqual(want)
      }
      expect(data.unscored_customers).toBe(0)
    })

    it("credits revenue and new customers to account managers, or to the rep named in customer metadata", async () => {
      const managers = await report(`sales-reps?${PERIOD}`)
      expect(managers.reps.map((r: any) => ({ ...r, revenue: r.revenue.map((v: any) => ({ ...v, amount: Number(v.amount) })) }))).toEqual([
        {
          sales_rep: "am@example.com",
          customers: 2,
          new_customers: 2,
          revenue: [
            { currency_code: "eur", orders: 3, amount: 350 },
            { currency_code: "usd", orders: 1, amount: 30 },
          ],
        },
        { sales_rep: null, customers: 1, new_customers: 1, revenue: [{ currency_code: "eur", orders: 2, amount: 100 }] },
      ])
      const byMetadata = await report(`sales-reps?${PERIOD}&by=customer_metadata&metadata_key=sales_rep`)
      expect(byMetadata.reps.map((r: any) => ({ ...r, revenue: r.revenue.map((v: any) => ({ ...v, amount: Number(v.amount) })) }))).toEqual([
        {
          sales_rep: "rita",
          customers: 2,
          new_customers: 2,
          revenue: [
            { currency_code: "eur", orders: 4, amount: 250 },
            { currency_code: "usd", orders: 1, amount: 30 },
          ],
        },
        { sales_rep: "sam", customers: 1, new_customers: 1, revenue: [{ currency_code: "eur", orders: 1, amount: 200 }] },
        { sales_rep: null, customers: 1, new_customers: 0, revenue: [] },
      ])
    })

    it("values outstanding points at the redemption value of their currency", async () => {
      const data = await report(`points-liability`)
      expect(data.liability).toEqual([
        { currency_code: "eur", available_points: 500, pending_points: 0, points: 500, value: "5.00" },
        { currency_code: "twd", available_points: 1000, pending_points: 0, points: 1000, value: "100.00" },
      ])
    })

    it("shows campaign and reminder revenue beside the store's, per month and currency", async () => {
      const data = await report(`marketing-revenue?${PERIOD}`)
      const numbers = (r: { orders: number; amount: string }) => [r.orders, Number(r.amount)]
      expect(data.months.map((m: any) => [m.month, m.currency_code, numbers(m.store), numbers(m.campaigns), numbers(m.reminders)])).toEqual([
        ["2026-01", "eur", [2, 300], [1, 200], [0, 0]],
        ["2026-02", "eur", [3, 150], [0, 0], [1, 50]],
        ["2026-03", "usd", [1, 30], [0, 0], [0, 0]],
      ])
      expect(data.campaigns.map((c: any) => ({ ...c, amount: Number(c.amount) }))).toEqual([
        { campaign_id: campaignId, name: "January sale", currency_code: "eur", orders: 1, amount: 200 },
      ])
    })

    it("exports a report as CSV with the JSON's figures", async () => {
      const res = await api.get(`/admin/insights/reports/customers/export.csv?${PERIOD}`, { ...headers, responseType: "text" })
      expect(res.headers["content-type"]).toContain("text/csv")
      expect(res.headers["content-disposition"]).toMatch(/attachment; filename="customers-\d{4}-\d{2}-\d{2}\.csv"/)
      const rows = parse(String(res.data).replace(/^\uFEFF/, ""), { columns: true })
      expect(rows).toEqual([
        { month: "2026-01", signups: "1", new_customers: "2", returning_customers: "0", active_customers: "2", orders: "2" },
        { month: "2026-02", signups: "1", new_customers: "1", returning_customers: "1", active_customers: "2", orders: "3" },
        { month: "2026-03", signups: "1", new_customers: "0", returning_customers: "1", active_customers: "1", orders: "1" },
      ])
      const sales = await api.get(`/admin/insights/reports/sales-reps/export.csv?${PERIOD}`, { ...headers, responseType: "text" })
      expect(String(sales.data).split("\r\n")[1]).toMatch(/^am@example.com,2,2,eur,3,350/)
    })

    it("answers 400 naming the parameter for bad input", async () => {
      for (const [query, field] of [
        ["customers?from=yesterday", "from"],
        ["customers?from=2026-05-01&to=2026-04-01", "to"],
        ["cohort-retention?months=0", "months"],
        ["sales-reps?by=region", "by"],
        ["sales-reps?metadata_key=a%20b", "metadata_key"],
        ["rfm-grid?currency=eur", "currency"],
      ]) {
        const bad = await failure(api.get(`/admin/insights/reports/${query}`, headers))
        expect({ query, status: bad.status }).toEqual({ query, status: 400 })
        expect(bad.message).toContain(field)
      }
    })
  },
})
