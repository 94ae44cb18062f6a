import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import { DEMO_SHOPPER } from "../../src/scripts/demo-data/demo-shopper"
import { planCase } from "../../src/scripts/demo-data/plan"
import { CATALOG, DEMO_CASES } from "../../src/scripts/demo-data/catalog"
import type { SeedOptions } from "../../src/scripts/demo-data/seed-options"
import { adminHeaders, customerHeaders } from "../helpers/auth"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { demoSegments } from "../../src/scripts/demo-data/segments"
import { DEMO_CAMPAIGN_NAME } from "../../src/scripts/demo-data/campaigns"
import { DEMO_WIN_BACK_AUTOMATION_NAME } from "../../src/scripts/demo-data/retention-setup-pharmacy"
import {
  DEMO_BUYER_MONTHLY_LIMIT,
  DEMO_COMPANY_NAME,
  DEMO_CONTRACT_TITLE,
  DEMO_PROPENSITY_MODEL_NAME,
  demoEmployeeEmails,
} from "../../src/scripts/demo-data/retention-setup-electronics"
import { REMINDERS_MODULE } from "../../src/modules/reminders"
import type RemindersModuleService from "../../src/modules/reminders/service"
import { AUTOMATIONS_MODULE } from "../../src/modules/automations"
import type AutomationsModuleService from "../../src/modules/automations/service"
import { INSIGHTS_MODULE } from "../../src/modules/insights"
import type InsightsModuleService from "../../src/modules/insights/service"
import { B2B_MODULE } from "../../src/modules/b2b"
import type B2bModuleService from "../../src/modules/b2b/service"
import { explainVariantPriceWorkflow } from "../../src/workflows/b2b/explain-variant-price"

jest.setTimeout(240_000)

const options: SeedOptions = {
  cases: [...DEMO_CASES],
  // 30: enough TV orders for the TV + wall mount pair to reach the co-purchase minimum (3 baskets).
  customers: 30,
  seed: 99,
  anchor: new Date("2026-11-01T00:00:00Z"),
  emitEvents: true,
  retentionSetup: true,
}

/** What the plans say the store must hold, computed without Medusa. */
function expected() {
  let customers = 0
  let orders = 0
  for (const c of options.cases) {
    for (const p of planCase(c, options.customers!, options)) {
      customers++
      orders += p.orders.length
    }
  }
  return { customers, orders }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let report: SeedReport
    const placedEvents: string[] = []

    beforeAll(async () => {
      container = getContainer()
      const eventBus = container.resolve(Modules.EVENT_BUS)
      eventBus.subscribe(OrderWorkflowEvents.PLACED, async ({ data }: { data: { id: string } }) => {
        placedEvents.push(data.id)
      })
      report = await seedDemoStore(container, options)
    })

    it("creates every planned customer and order, dated over the planned history, and emits order.placed for each", async () => {
      const want = expected()
      const shopperOrders = planCase("pharmacy", 1, options, 1_000_003).next().value!.orders.length
      expect(report.customers).toBe(want.customers)
      expect(report.ordersPlaced).toBe(want.orders)

      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const [{ count, oldest, newest }] = await pg("order")
        .whereNull("deleted_at")
        .select(pg.raw("count(*)::int as count, min(created_at) as oldest, max(created_at) as newest"))
      expect(count).toBe(want.orders + shopperOrders)
      expect(new Date(newest).getTime()).toBeLessThanOrEqual(options.anchor.getTime())
      // Pharmacy histories reach back up to 18 months.
      expect(options.anchor.getTime() - new Date(oldest).getTime()).toBeGreaterThan(300 * 86_400_000)

      await new Promise((r) => setTimeout(r, 500))
      expect(new Set(placedEvents).size).toBe(want.orders + shopperOrders)
    })

    it("earns the history's points through the loyalty backfill, once per line even with the events replayed", async () => {
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const [{ orders, lines }] = await pg("points_transaction")
        .where({ type: "earn" })
        .select(pg.raw("count(distinct order_id)::int as orders, count(*)::int as lines"))
      const [{ expected }] = await pg("order_item as oi")
        .join("order", "order.id", "oi.order_id")
        .whereNotNull("order.customer_id")
        .select(pg.raw("count(*)::int as expected"))
      expect(lines).toBe(expected)
      expect(orders).toBe(report.ordersPlaced + planCase("pharmacy", 1, options, 1_000_003).next().value!.orders.length)
      const loyalty = container.resolve(LOYALTY_POINTS_MODULE) as LoyaltyPointsModuleService
      expect(await loyalty.verifyBalances()).toEqual([])
    })

    it("opens on the worked cases' questions as saved segments, their members computed", async () => {
      const headers = await adminHeaders(container, api, "segments-demo@test.example")
      const { data } = await api.get("/admin/segments?limit=50", headers)
      expect(data.segments.map((s: { name: string }) => s.name).sort()).toEqual(demoSegments(report.store).map((s) => s.name).sort())
      for (const segment of data.segments) {
        expect(segment.refreshing).toBe(false)
        const { data: preview } = await api.post("/admin/segments/preview", { definition: segment.definition, sample_size: 0 }, headers)
        expect(segment.member_count).toBe(preview.count)
      }
      expect(data.segments.some((s: { member_count: number }) => s.member_count > 0)).toBe(true)
    })

    it("is idempotent: a second run with the same options adds nothing", async () => {
      const again = await seedDemoStore(container, options)
      expect(again.ordersPlaced).toBe(0)
      expect(again.ordersSkipped).toBe(report.ordersPlaced)
      const customers = container.resolve(Modules.CUSTOMER)
      const [, count] = await customers.listAndCountCustomers({})
      expect(count).toBe(report.customers + 1)
    })

    it("after two runs, holds the reminder rule, win-back journey, upgrade paths, propensity model and B2B company once each", async () => {
      const v = report.store.variantBySku
      const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
      const rules = await reminders.listReminderRules({ product_id: v["PH-FIN-28"].product_id })
      expect(rules).toHaveLength(1)
      expect(rules[0]).toMatchObject({ days_per_unit: 28, lead_days: 5, is_active: true })

      const automations = await container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).listAutomations({ name: DEMO_WIN_BACK_AUTOMATION_NAME })
      expect(automations).toHaveLength(1)
      expect((automations[0].steps as unknown as { type: string }[]).map((s) => s.type)).toEqual(["wait", "send_email"])

      const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
      const paths = await insights.listUpgradePaths({ product_id: v["SW-PF2-EN"].product_id })
      const byVariant = Object.fromEntries(paths.map((p) => [p.variant_id, p.successor_variant_id]))
      expect(byVariant).toEqual(
        Object.fromEntries(["EN", "DE", "FR", "JA"].map((e) => [v[`SW-PF2-${e}`].id, v[`SW-PF3-${e}`].id]))
      )
      const owners2Only = [...planCase("software", options.customers!, options)].filter((c) => {
        const skus = c.orders.flatMap((o) => o.lines.map((l) => l.sku))
        return skus.some((sku) => sku.startsWith("SW-PF2-")) && !skus.some((sku) => sku.startsWith("SW-PF3-"))
      }).length
      expect(owners2Only).toBeGreaterThan(0)
      const headers = await adminHeaders(container, api, "retention-demo@test.example")
      const { data: upgradable } = await api.post("/admin/segments/preview", { definition: { field: "upgrade_available" }, sample_size: 0 }, headers)
      expect(upgradable.count).toBe(owners2Only)

      const models = await insights.listPropensityModels({ name: DEMO_PROPENSITY_MODEL_NAME })
      expect(models).toHaveLength(1)
      expect(models[0].target_product_ids).toEqual([v["EL-TV-20"].product_id])
      expect(["completed", "failed"]).toContain(models[0].status)

      const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
      const companies = await b2b.listCompanies({ name: DEMO_COMPANY_NAME })
      expect(companies).toHaveLength(1)
      const employees = await b2b.listCompanyEmployees({ company_id: companies[0].id })
      expect(employees).toHaveLength(3)
      expect(employees.filter((e) => e.spending_limit !== null)).toMatchObject([
        { role: "buyer", spending_limit: DEMO_BUYER_MONTHLY_LIMIT, spending_limit_currency_code: "usd", spending_limit_period: "month" },
      ])
      const contracts = await b2b.listContracts({ company_id: companies[0].id })
      expect(contracts).toMatchObject([{ title: DEMO_CONTRACT_TITLE, status: "active", currency_code: "usd" }])
    })

    it("ranks the wall mount first among what is bought with the 55-inch TV", async () => {
      const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
      const v = report.store.variantBySku
      const { items } = await insights.listCoPurchases({ product_key: v["EL-TV-55"].product_id, scope: "order" })
      expect(items[0]?.related_key).toBe(v["EL-ACC-MOUNT"].product_id)
    })

    it("prices the 20-inch TV at the contract's volume band for the hotel chain's employee, through Medusa's Pricing module", async () => {
      const customers = container.resolve(Modules.CUSTOMER)
      const [employee] = await customers.listCustomers({ email: demoEmployeeEmails(options)[1] }, { select: ["id"] })
      const tv = report.store.variantBySku["EL-TV-20"].id
      const ask = async (customer_id: string, quantity: number) =>
        (await explainVariantPriceWorkflow(container).run({ input: { customer_id, variant_id: tv, quantity, currency_code: "usd" } })).result.medusa
      expect(await ask(employee.id, 10)).toMatchObject({ amount: 169, agrees: true })
      expect(await ask(employee.id, 1)).toMatchObject({ amount: 179 })
      const [outsider] = await customers.listCustomers({ email: planCase("electronics", 1, options, 3).next().value!.email }, { select: ["id"] })
      expect(await ask(outsider.id, 10)).toMatchObject({ amount: 199 })
    })

    it("seeds the vendor's upgrade campaign once, a draft to the upgrade segment whose English and German templates render", async () => {
      const headers = await adminHeaders(container, api, "campaigns-demo@test.example")
      const { data } = await api.get("/admin/email-campaigns?limit=100", headers)
      const demo = data.email_campaigns.filter((c: { name: string }) => c.name === DEMO_CAMPAIGN_NAME)
      const { data: segments } = await api.get("/admin/segments?limit=50", headers)
      const upgrade = segments.segments.find((s: { name: string }) => s.name === "Upgrade to 3.0: Europe except France, English 2.0 owners")
      expect(demo).toHaveLength(1)
      expect(demo[0]).toMatchObject({ status: "draft", segment_id: upgrade.id, default_language: "en", holdout_percent: 10 })

      const { data: detail } = await api.get(`/admin/email-campaigns/${demo[0].id}`, headers)
      expect(detail.email_campaign.templates.map((t: { language: string }) => t.language)).toEqual(["de", "en"])
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const member = await pg("customer").whereRaw("metadata ->> 'demo_case' = 'software'").whereNotNull("first_name").first("id", "first_name")
      for (const [language, subject] of [
        ["de", `${member.first_name}, PixelForge 3.0 ist bereit für Sie`],
        ["en", `${member.first_name}, PixelForge 3.0 is ready for you`],
      ]) {
        const { data: preview } = await api.get(`/admin/email-campaigns/${demo[0].id}/preview?customer_id=${member.id}&language=${language}`, headers)
        expect(preview.preview).toMatchObject({ language, subject })
        expect(`${preview.preview.html}${preview.preview.text}`).not.toContain("{{")
      }
    })

    it("serves the catalogue on the store API with the seeded publishable key", async () => {
      const { data } = await api.get("/store/products?limit=100&fields=handle,variants.sku", {
        headers: { "x-publishable-api-key": report.store.publishableKey },
      })
      const handles = data.products.map((p: { handle: string }) => p.handle).sort()
      const catalogue = DEMO_CASES.flatMap((c) => CATALOG[c].map((p) => p.handle)).sort()
      expect(handles).toEqual(catalogue)
    })

    it("lists the orders in the admin API, with the pharmacy's boxes and the shopper's checkout", async () => {
      const headers = await adminHeaders(container, api)
      const { data } = await api.get("/admin/orders?limit=1&fields=id", headers)
      expect(data.count).toBe(report.ordersPlaced + planCase("pharmacy", 1, options, 1_000_003).next().value!.orders.length)

      const shopper = await customerHeaders(api, DEMO_SHOPPER.email, DEMO_SHOPPER.password, report.store.publishableKey)
      const mine = await api.get("/store/orders?fields=id,created_at,items.variant_sku,items.quantity", shopper)
      expect(mine.data.orders.length).toBeGreaterThan(0)
      for (const order of mine.data.orders) {
        expect(order.items.some((i: { variant_sku: string }) => i.variant_sku === "PH-FIN-28")).toBe(true)
      }
    })
  },
})
