import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { syncCustomerRemindersWorkflow } from "../../src/workflows/reminders/sync-customer-reminders"
import { adminHeaders, customerHeaders } from "../helpers/auth"
import { DAY, writeFacts, type FactOrder } from "../helpers/insights-fixtures"
import { failure } from "../helpers/requests"
import { registerShopper, SHOPPER_PASSWORD } from "../helpers/store-checkout"

jest.setTimeout(600_000)

const now = new Date()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      container = getContainer()
      admin = await adminHeaders(container, api)
    })

    it("puts the refill that is due first, with its reason, before the upgrade and what is often bought with what they own", async () => {
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: ["Coffee beans", "Espresso machine 2.0", "Espresso machine 3.0", "Milk frother"].map((title) => ({
            title,
            status: "published" as const,
            options: [{ title: "Default", values: ["Default"] }],
            variants: [{ title: "Default", options: { Default: "Default" }, prices: [{ currency_code: "eur", amount: 10 }] }],
          })),
        },
      })
      const id = (title: string) => result.find((p) => p.title === title)!.id
      const { data: key } = await api.post("/admin/api-keys", { title: "offers", type: "publishable" }, admin)
      const shopper = await registerShopper(container, "offers@example.com")
      const other = await registerShopper(container, "other@example.com")
      // Machine owners often buy a milk frother within days; our shopper has the machine and coffee.
      const orders: FactOrder[] = []
      for (let i = 0; i < 12; i++) {
        const placed = new Date(now.getTime() - (200 + i) * DAY)
        orders.push({ customer_id: `cus_machine_${i}`, placed_at: placed, lines: [{ product_id: id("Espresso machine 2.0") }, ...(i < 9 ? [{ product_id: id("Milk frother") }] : [])] })
        orders.push({ customer_id: `cus_beans_${i}`, placed_at: placed, lines: [{ product_id: id("Coffee beans") }] })
      }
      orders.push({ customer_id: shopper.id, placed_at: new Date(now.getTime() - 300 * DAY), lines: [{ product_id: id("Espresso machine 2.0") }] })
      orders.push({ customer_id: shopper.id, placed_at: new Date(now.getTime() - 26 * DAY), lines: [{ product_id: id("Coffee beans") }] })
      await writeFacts(container, { customers: [{ id: shopper.id, created_at: new Date(now.getTime() - 400 * DAY) }], orders })

      await api.post("/admin/reminders/rules", { product_id: id("Coffee beans"), title: "Coffee beans", days_per_unit: 28, lead_days: 3 }, admin)
      await syncCustomerRemindersWorkflow(container).run({ input: { customer_ids: [shopper.id] } })
      await api.post("/admin/insights/upgrade-paths", { product_id: id("Espresso machine 2.0"), successor_product_id: id("Espresso machine 3.0") }, admin)
      await api.post("/admin/insights/co-purchases/compute", { scope: "window" }, admin)

      const store = await customerHeaders(api, shopper.email, SHOPPER_PASSWORD, key.api_key.token)
      const { data } = await api.get("/store/insights/offers", store)
      const runsOut = new Date(now.getTime() + 2 * DAY).toISOString().slice(0, 10)
      expect(data.offers.map((o: { type: string }) => o.type)).toEqual(["refill", "upgrade", "co_purchase"])
      expect(data.offers[0]).toMatchObject({ type: "refill", product_id: id("Coffee beans"), product_title: "Coffee beans", reason: `Your Coffee beans runs out on ${runsOut}` })
      expect(data.offers[1]).toMatchObject({ product_id: id("Espresso machine 3.0"), reason: "You own Espresso machine 2.0: Espresso machine 3.0 is available" })
      expect(data.offers[2]).toMatchObject({ product_id: id("Milk frother") })
      expect(data.offers[2].reason).toContain("Often bought with Espresso machine 2.0")
      expect(data.offers[0].score).toBeGreaterThan(data.offers[1].score)

      // Another customer sees none of it; without logging in there is nothing to see.
      const theirs = await api.get("/store/insights/offers", await customerHeaders(api, other.email, SHOPPER_PASSWORD, key.api_key.token))
      expect(theirs.data.offers).toEqual([])
      const anonymous = await failure(api.get("/store/insights/offers", { headers: { "x-publishable-api-key": key.api_key.token } }))
      expect(anonymous.status).toBe(401)
    })
  },
})
