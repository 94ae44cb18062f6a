import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../src/modules/customer-facts/service"
import { REMINDERS_MODULE } from "../../src/modules/reminders"
import type RemindersModuleService from "../../src/modules/reminders/service"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import { refreshCustomerFactsWorkflow } from "../../src/workflows/customer-facts/refresh-customer-facts"
import { sendDueRemindersWorkflow } from "../../src/workflows/reminders/send-due-reminders"
import { syncCustomerRemindersWorkflow } from "../../src/workflows/reminders/sync-customer-reminders"
import { adminHeaders, customerHeaders } from "../helpers/auth"
import { eventually, failure } from "../helpers/requests"
import { checkoutOverHttp, registerShopper, SHOPPER_PASSWORD } from "../helpers/store-checkout"

jest.setTimeout(300_000)

const DAY = 86_400_000
const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let report: SeedReport
    let reminders: RemindersModuleService
    let facts: CustomerFactsModuleService
    let ruleId: string
    let headers: { headers: Record<string, string> }

    beforeAll(async () => {
      container = getContainer()
      report = await seedDemoStore(container, { cases: ["pharmacy"], customers: 80, seed: 5, anchor: today })
      reminders = container.resolve(REMINDERS_MODULE)
      facts = container.resolve(CUSTOMER_FACTS_MODULE)
      headers = await adminHeaders(container, api)
      const [rule] = await reminders.createReminderRules([
        { product_id: report.store.variantBySku["PH-FIN-28"].product_id, title: "Finasteride 1 mg", days_per_unit: 28, lead_days: 3 },
      ])
      ruleId = rule.id
    })

    /** Moves an order back in time and lets the facts and reminders catch up, as if it had been placed then. */
    async function backdate(orderId: string, customerId: string, placedAt: Date) {
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg("order").where({ id: orderId }).update({ created_at: placedAt })
      await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [customerId] } })
      await syncCustomerRemindersWorkflow(container).run({ input: { customer_ids: [customerId] } })
    }

    const remindersOf = (customerId: string) => reminders.listReminders({ customer_id: customerId, rule_id: ruleId }, { order: { created_at: "ASC" } })
    const active = async (customerId: string) => (await remindersOf(customerId)).find((r) => r.status === "scheduled" || r.status === "claimed")

    it("the pharmacy: 2 boxes on day 0 are due on day 56 − lead; a reorder on day 50 supersedes it; a cancel withdraws the reorder", async () => {
      const shopper = await registerShopper(container, "refill@reminders.example", { metadata: { marketing_consent: true } })
      const day0 = new Date(Date.now() - 50 * DAY)
      const first = await checkoutOverHttp(api, report.store, shopper, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 2 }],
      })
      await backdate(first, shopper.id, day0)
      const due = await active(shopper.id)
      expect(due).toMatchObject({ status: "scheduled", sequence: 1 })
      expect(new Date(due!.coverage_end).getTime()).toBe(day0.getTime() + 56 * DAY)
      expect(new Date(due!.due_at).getTime()).toBe(day0.getTime() + 53 * DAY)

      // Day 50: one more box. Coverage runs on from the end of the first (buying early extends it).
      const second = await checkoutOverHttp(api, report.store, shopper, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 1 }],
      })
      const next = await eventually(
        () => active(shopper.id),
        (r) => !!r && new Date(r.coverage_end).getTime() === day0.getTime() + 84 * DAY
      )
      expect(new Date(next!.due_at).getTime()).toBe(day0.getTime() + 81 * DAY)
      expect((await remindersOf(shopper.id)).find((r) => r.id === due!.id)).toMatchObject({ status: "suppressed", reason: "reordered" })

      await api.post(`/admin/orders/${second}/cancel`, {}, headers)
      const back = await eventually(
        () => active(shopper.id),
        (r) => !!r && new Date(r.coverage_end).getTime() === day0.getTime() + 56 * DAY
      )
      expect(back!.id).toBe(due!.id)
      expect((await remindersOf(shopper.id)).find((r) => r.id === next!.id)).toMatchObject({ status: "withdrawn", reason: "coverage_shortened" })
      const [coverage] = await reminders.listCustomerCoverages({ customer_id: shopper.id, rule_id: ruleId })
      expect(new Date(coverage.covered_until!).getTime()).toBe(day0.getTime() + 56 * DAY)
    })

    it("sends a due reminder once even with two job runs at once, and its one-click link makes that customer's cart", async () => {
      const shopper = await registerShopper(container, "twice@reminders.example", { metadata: { marketing_consent: true } })
      const order = await checkoutOverHttp(api, report.store, shopper, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 1 }],
      })
      // 27 days ago: due two days ago, runs out tomorrow.
      await backdate(order, shopper.id, new Date(Date.now() - 27 * DAY))
      const reminder = (await active(shopper.id))!
      expect(new Date(reminder.due_at).getTime()).toBeLessThan(Date.now())

      const runs = await Promise.all([1, 2].map(() => sendDueRemindersWorkflow(container).run({ input: {} })))
      expect(runs.reduce((s, r) => s + r.result.sent, 0)).toBeGreaterThanOrEqual(1)
      const notifications = await container.resolve(Modules.NOTIFICATION).listNotifications({ idempotency_key: `reminder:${reminder.id}` })
      expect(notifications).toHaveLength(1)
      expect(notifications[0]).toMatchObject({ to: "twice@reminders.example", template: "repurchase-reminder", status: "success" })
      expect((await reminders.listReminders({ id: reminder.id }))[0]).toMatchObject({ status: "sent" })
      // A third run finds nothing left to send for this customer.
      await sendDueRemindersWorkflow(container).run({ input: {} })
      expect(await container.resolve(Modules.NOTIFICATION).listNotifications({ idempotency_key: `reminder:${reminder.id}` })).toHaveLength(1)

      const link = new URL(String(notifications[0].data!.reorder_url))
      const token = link.searchParams.get("token")!
      const res = await api.get(`/r/reorder?token=${encodeURIComponent(token)}`, { maxRedirects: 0, validateStatus: () => true })
      expect(res.status).toBe(302)
      const cartId = new URL(res.headers.location).searchParams.get("cart_id")!
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "cart",
        fields: ["customer_id", "items.variant_sku", "items.quantity"],
        filters: { id: cartId },
      })
      expect(data[0]).toMatchObject({ customer_id: shopper.id, items: [{ variant_sku: "PH-FIN-28", quantity: 1 }] })
      // A second click reuses that cart.
      const again = await api.get(`/r/reorder?token=${encodeURIComponent(token)}`, { maxRedirects: 0, validateStatus: () => true })
      expect(new URL(again.headers.location).searchParams.get("cart_id")).toBe(cartId)

      const tampered = token.replace(/^./, (c) => (c === "e" ? "f" : "e"))
      expect((await failure(api.get(`/r/reorder?token=${encodeURIComponent(tampered)}`))).status).toBe(400)
      expect((await failure(api.get(`/r/reorder?token=nonsense`))).status).toBe(400)
    })

    it("keeps a reminder it does not send with the reason: no consent, or an open cart holding the product", async () => {
      const silent = await registerShopper(container, "silent@reminders.example")
      const cartful = await registerShopper(container, "cartful@reminders.example", { metadata: { marketing_consent: true } })
      for (const shopper of [silent, cartful]) {
        const order = await checkoutOverHttp(api, report.store, shopper, {
          region: "taiwan",
          sales_channel: report.store.salesChannelByCase.pharmacy,
          items: [{ sku: "PH-FIN-28", quantity: 1 }],
        })
        await backdate(order, shopper.id, new Date(Date.now() - 27 * DAY))
      }
      const storeHeaders = await customerHeaders(api, cartful.email, SHOPPER_PASSWORD, report.store.publishableKey)
      await api.post(
        "/store/carts",
        {
          region_id: report.store.regionByKey.taiwan.id,
          sales_channel_id: report.store.salesChannelByCase.pharmacy,
          items: [{ variant_id: report.store.variantBySku["PH-FIN-28"].id, quantity: 1 }],
        },
        storeHeaders
      )
      await sendDueRemindersWorkflow(container).run({ input: {} })
      // The reminder of the backdated coverage (the one the order first set, for today's date, was withdrawn).
      const last = async (id: string) => (await remindersOf(id)).filter((r) => r.reason !== "coverage_shortened")
      expect(await last(silent.id)).toMatchObject([{ status: "suppressed", reason: "no_consent" }])
      expect(await last(cartful.id)).toMatchObject([{ status: "suppressed", reason: "open_cart" }])
    })

    it("learns the pharmacy's ~28-day box from the demo histories", async () => {
      const [rule] = await reminders.createReminderRules([{ product_id: report.store.variantBySku["PH-FIN-28"].product_id, title: "learned" }])
      const learned = await reminders.learnCycles()
      const mine = learned.find((l) => l.rule_id === rule.id)!
      expect(mine.sample_size).toBeGreaterThan(50)
      expect(Math.abs(mine.median - 28)).toBeLessThanOrEqual(2)
      await reminders.deleteReminderRules([rule.id])
      // Facts exist for everyone the seed made: the learned cycle reads them, not Medusa's orders.
      expect((await facts.listCustomerFacts({}, { take: 1 })).length).toBe(1)
    })
  },
})
