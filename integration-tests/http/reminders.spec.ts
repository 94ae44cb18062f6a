import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import localNotificationProvider from "@medusajs/medusa/notification-local"
import { CUSTOMER_FACTS_MODULE } from "../../src/modules/customer-facts"
import { MESSAGING_MODULE } from "../../src/modules/messaging"
import type MessagingModuleService from "../../src/modules/messaging/service"
import type CustomerFactsModuleService from "../../src/modules/customer-facts/service"
import { REMINDERS_MODULE } from "../../src/modules/reminders"
import type RemindersModuleService from "../../src/modules/reminders/service"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import { CustomerFactsEvents, type CustomerFactsBulkRefreshedPayload } from "../../src/modules/customer-facts/events"
import remindersFactsBulkRefreshed, { config as bulkRefreshedConfig } from "../../src/subscribers/reminders-facts-bulk-refreshed"
import { recomputeRfmWorkflow } from "../../src/workflows/customer-facts/recompute-rfm"
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

    /** A consenting shopper who bought one box 27 days ago: their reminder was due two days ago. */
    async function dueShopper(email: string) {
      const shopper = await registerShopper(container, email, { metadata: { marketing_consent: true } })
      const order = await checkoutOverHttp(api, report.store, shopper, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 1 }],
      })
      await backdate(order, shopper.id, new Date(Date.now() - 27 * DAY))
      const reminder = await eventually(
        () => active(shopper.id),
        (r) => !!r && new Date(r.due_at).getTime() < Date.now()
      )
      expect(reminder).toBeDefined()
      return { ...shopper, reminder: reminder! }
    }

    it("suppresses a reminder at the frequency cap shared with campaigns, and one to a suppressed address", async () => {
      const capped = await dueShopper("capped@reminders.example")
      const bounced = await dueShopper("bounced@reminders.example")
      const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
      // Three campaign e-mails this week: the default cap (3 in 7 days) is reached.
      for (const n of [1, 2, 3]) {
        const reserved = await messaging.reserveMessage({ customer_id: capped.id, kind: "campaign", source_id: `test_${n}`, idempotency_key: `test-cap:${capped.id}:${n}` })
        expect(reserved.status).toBe("reserved")
      }
      await messaging.createEmailSuppressions({ email: bounced.email, reason: "bounce", source: "test" })

      await sendDueRemindersWorkflow(container).run({ input: {} })
      expect((await reminders.listReminders({ id: capped.reminder.id }))[0]).toMatchObject({ status: "suppressed", reason: "frequency_cap" })
      expect((await reminders.listReminders({ id: bounced.reminder.id }))[0]).toMatchObject({ status: "suppressed", reason: "unsubscribed" })
      const notifications = container.resolve(Modules.NOTIFICATION)
      for (const shopper of [capped, bounced]) {
        expect(await notifications.listNotifications({ idempotency_key: `reminder:${shopper.reminder.id}` })).toHaveLength(0)
      }
    })

    it("a crashed sender's claims are taken over after the lease: the one it had sent is not sent again, the one it had not is sent", async () => {
      const sentBeforeCrash = await dueShopper("crash-after-send@reminders.example")
      const claimedOnly = await dueShopper("crash-after-claim@reminders.example")
      const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
      const notifications = container.resolve(Modules.NOTIFICATION)
      const now = new Date()

      // The crashed run: it claimed both, reserved and sent the first one's e-mail, and died.
      const claimed = await reminders.claimDueReminders({ now, limit: 10_000 })
      expect(claimed.map((r) => r.id)).toEqual(expect.arrayContaining([sentBeforeCrash.reminder.id, claimedOnly.reminder.id]))
      const key = `reminder:${sentBeforeCrash.reminder.id}`
      await messaging.reserveMessage({ customer_id: sentBeforeCrash.id, kind: "reminder", source_id: sentBeforeCrash.reminder.id, idempotency_key: key, to: sentBeforeCrash.email, now })
      await notifications.createNotifications([{ to: sentBeforeCrash.email, channel: "email", template: "repurchase-reminder", idempotency_key: key, data: {} }])

      // Within the lease (15 minutes) another run leaves the claims alone.
      await sendDueRemindersWorkflow(container).run({ input: { now: new Date(now.getTime() + 5 * 60_000) } })
      for (const shopper of [sentBeforeCrash, claimedOnly]) {
        expect((await reminders.listReminders({ id: shopper.reminder.id }))[0]).toMatchObject({ status: "claimed", attempts: 1 })
      }
      expect(await notifications.listNotifications({ idempotency_key: `reminder:${claimedOnly.reminder.id}` })).toHaveLength(0)

      // After the lease, the next run takes both over.
      await sendDueRemindersWorkflow(container).run({ input: { now: new Date(now.getTime() + 16 * 60_000) } })
      for (const shopper of [sentBeforeCrash, claimedOnly]) {
        expect((await reminders.listReminders({ id: shopper.reminder.id }))[0]).toMatchObject({ status: "sent", attempts: 2 })
        expect(await notifications.listNotifications({ idempotency_key: `reminder:${shopper.reminder.id}` })).toHaveLength(1)
      }
      const [message] = await messaging.listMarketingMessages({ idempotency_key: key })
      expect(message).toMatchObject({ status: "sent" })
    })

    it("a sent reminder with a nudge left schedules it nudge_after_days after its due date; a reorder before it suppresses it", async () => {
      // Through the service: no rule_changed event, so the other customers' reminders stay as they are.
      await reminders.updateReminderRules({ id: ruleId, max_reminders: 2, nudge_after_days: 7 })
      try {
        const shopper = await dueShopper("nudged@reminders.example")
        await sendDueRemindersWorkflow(container).run({ input: {} })
        expect((await reminders.listReminders({ id: shopper.reminder.id }))[0]).toMatchObject({ status: "sent", sequence: 1 })
        const nudge = (await active(shopper.id))!
        expect(nudge).toMatchObject({ status: "scheduled", sequence: 2 })
        expect(new Date(nudge.coverage_end).getTime()).toBe(new Date(shopper.reminder.coverage_end).getTime())
        expect(new Date(nudge.due_at).getTime()).toBe(new Date(shopper.reminder.due_at).getTime() + 7 * DAY)

        await checkoutOverHttp(api, report.store, shopper, {
          region: "taiwan",
          sales_channel: report.store.salesChannelByCase.pharmacy,
          items: [{ sku: "PH-FIN-28", quantity: 1 }],
        })
        const superseded = await eventually(
          async () => (await reminders.listReminders({ id: nudge.id }))[0],
          (r) => r.status !== "scheduled"
        )
        expect(superseded).toMatchObject({ status: "suppressed", reason: "reordered" })
        expect(await active(shopper.id)).toMatchObject({ status: "scheduled", sequence: 1 })
      } finally {
        await reminders.updateReminderRules({ id: ruleId, max_reminders: 1 })
      }
    })

    it("buying a substitute covers the need: the pending reminder is superseded and the cover runs on", async () => {
      const serum = report.store.variantBySku["PH-SER-30"]
      // Through the service: no rule_changed event, so the other customers' reminders stay as they are.
      await reminders.updateReminderRules({ id: ruleId, substitute_product_ids: [serum.product_id] })
      try {
        const shopper = await dueShopper("substitute@reminders.example")
        await checkoutOverHttp(api, report.store, shopper, {
          region: "taiwan",
          sales_channel: report.store.salesChannelByCase.pharmacy,
          items: [{ sku: "PH-SER-30", quantity: 1 }],
        })
        const superseded = await eventually(
          async () => (await reminders.listReminders({ id: shopper.reminder.id }))[0],
          (r) => r.status !== "scheduled"
        )
        expect(superseded).toMatchObject({ status: "suppressed", reason: "reordered" })
        // One box bought 27 days ago runs out tomorrow; the serum, at the rule's 28 days a unit, adds 28 days from then.
        const next = (await active(shopper.id))!
        expect(new Date(next.coverage_end).getTime()).toBe(new Date(shopper.reminder.coverage_end).getTime() + 28 * DAY)
      } finally {
        await reminders.updateReminderRules({ id: ruleId, substitute_product_ids: [] })
      }
    })

    it("a full refund of the order withdraws its reminder and the coverage it gave", async () => {
      const shopper = await registerShopper(container, "refunded@reminders.example", { metadata: { marketing_consent: true } })
      const orderId = await checkoutOverHttp(api, report.store, shopper, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 1 }],
      })
      const reminder = await eventually(() => active(shopper.id), (r) => !!r)
      expect(reminder).toMatchObject({ status: "scheduled" })

      const { data } = await api.get(`/admin/orders/${orderId}?fields=payment_collections.payments.id,payment_collections.payments.amount,payment_collections.payments.captured_at`, headers)
      const payment = data.order.payment_collections[0].payments[0]
      if (!payment.captured_at) {
        await api.post(`/admin/payments/${payment.id}/capture`, {}, headers)
      }
      // A partial refund leaves the box covered.
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 100 }, headers)
      await eventually(
        () => facts.listOrderFacts({ order_key: orderId }),
        (rows) => Number(rows[0]?.refunded_total) === 100
      )
      await syncCustomerRemindersWorkflow(container).run({ input: { customer_ids: [shopper.id] } })
      expect((await active(shopper.id))?.id).toBe(reminder!.id)

      await api.post(`/admin/payments/${payment.id}/refund`, { amount: Number(payment.amount) - 100 }, headers)
      const withdrawn = await eventually(
        async () => (await reminders.listReminders({ id: reminder!.id }))[0],
        (r) => r.status === "withdrawn"
      )
      expect(withdrawn).toMatchObject({ status: "withdrawn", reason: "coverage_shortened" })
      expect(await active(shopper.id)).toBeUndefined()
      expect(await reminders.listCustomerCoverages({ customer_id: shopper.id, rule_id: ruleId })).toHaveLength(0)
    })

    it("a rule without a cycle reminds at once with the store's learned one, and with the customer's own after their second purchase", async () => {
      const foam = report.store.variantBySku["PH-MIN-60"]
      const { data } = await api.post("/admin/reminders/rules", { product_id: foam.product_id, title: "Minoxidil foam", lead_days: 3 }, headers)
      const foamRule = data.reminder_rule.id
      expect(data.reminder_rule).toMatchObject({ days_per_unit: null, use_personal_cycle: true })
      // Learned on the worker right after the rule is saved, not at the next nightly run.
      const [learned] = await eventually(
        () => reminders.listReminderRules({ id: foamRule }),
        ([rule]) => rule.learned_sample_size > 0,
        60_000
      )
      expect(learned.learned_days_per_unit).toBeGreaterThan(0)

      const buy = async (shopper: { id: string; email: string }, quantity: number, placedAt: Date) => {
        const order = await checkoutOverHttp(api, report.store, shopper, {
          region: "taiwan",
          sales_channel: report.store.salesChannelByCase.pharmacy,
          items: [{ sku: "PH-MIN-60", quantity }],
        })
        await backdate(order, shopper.id, placedAt)
      }
      const coverageOf = async (customerId: string) => (await reminders.listCustomerCoverages({ customer_id: customerId, rule_id: foamRule }))[0]
      const base = Date.now()

      const newcomer = await registerShopper(container, "foam-newcomer@reminders.example", { metadata: { marketing_consent: true } })
      await buy(newcomer, 1, new Date(base - 5 * DAY))
      const first = await eventually(() => coverageOf(newcomer.id), (c) => c?.cycle_source === "learned")
      expect(first).toMatchObject({ cycle_source: "learned", units: 1 })
      expect(first.cycle_days).toBeCloseTo(learned.learned_days_per_unit!, 2)

      // One foam 40 days ago, two 20 days ago: their own gap is 20 days per unit, so two units last until day +20.
      const regular = await registerShopper(container, "foam-regular@reminders.example", { metadata: { marketing_consent: true } })
      await buy(regular, 1, new Date(base - 40 * DAY))
      await buy(regular, 2, new Date(base - 20 * DAY))
      const own = await eventually(() => coverageOf(regular.id), (c) => c?.cycle_source === "personal" && c.units === 3)
      expect(own).toMatchObject({ cycle_source: "personal", units: 3 })
      expect(own.cycle_days).toBeCloseTo(20, 5)
      expect(new Date(own.covered_until!).getTime()).toBe(base + 20 * DAY)
      const reminder = await eventually(
        async () => (await reminders.listReminders({ customer_id: regular.id, rule_id: foamRule, status: "scheduled" }))[0],
        (r) => !!r && new Date(r.coverage_end).getTime() === base + 20 * DAY
      )
      expect(new Date(reminder.due_at).getTime()).toBe(base + 17 * DAY)
      await api.delete(`/admin/reminders/rules/${foamRule}`, headers)
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

    it("a send the provider refused is tried again on later runs with backoff, once delivered is not sent again, and is final after the last retry", async () => {
      const flaky = await dueShopper("flaky@reminders.example")
      const down = await dueShopper("down@reminders.example")
      const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
      const notifications = container.resolve(Modules.NOTIFICATION)
      const failing = new Set([flaky.email, down.email])
      const tries = new Map<string, number>()
      const provider = localNotificationProvider.services[0].prototype as { send: (n: { to: string }) => Promise<unknown> }
      const send = provider.send
      const spy = jest.spyOn(provider, "send").mockImplementation(async function (this: unknown, notification: { to: string }) {
        tries.set(notification.to, (tries.get(notification.to) ?? 0) + 1)
        if (failing.has(notification.to)) throw new Error("provider unavailable")
        return send.call(this, notification)
      })
      const reminderOf = async (shopper: { reminder: { id: string } }) => (await reminders.listReminders({ id: shopper.reminder.id }))[0]
      const live = (shopper: { reminder: { id: string } }) => notifications.listNotifications({ idempotency_key: `reminder:${shopper.reminder.id}` })
      try {
        const t0 = new Date()
        const first = await sendDueRemindersWorkflow(container).run({ input: { now: t0 } })
        expect(first.result.retrying).toBeGreaterThanOrEqual(2)
        for (const shopper of [flaky, down]) {
          const r = await reminderOf(shopper)
          expect(r).toMatchObject({ status: "scheduled", attempts: 1, reason: expect.stringContaining("provider unavailable") })
          // The first retry waits retryBackoffMinutes (60).
          expect(new Date(r.due_at).getTime()).toBe(t0.getTime() + 60 * 60_000)
          expect(await live(shopper)).toMatchObject([{ status: "failure" }])
          expect((await messaging.listMarketingMessages({ idempotency_key: `reminder:${shopper.reminder.id}` }))[0]).toMatchObject({ status: "failed" })
        }
        // Before the backoff has passed nothing is tried.
        await sendDueRemindersWorkflow(container).run({ input: { now: new Date(t0.getTime() + 30 * 60_000) } })
        expect((await reminderOf(flaky)).attempts).toBe(1)

        const t1 = new Date(t0.getTime() + 61 * 60_000)
        await sendDueRemindersWorkflow(container).run({ input: { now: t1 } })
        const second = await reminderOf(flaky)
        expect(second).toMatchObject({ status: "scheduled", attempts: 2 })
        expect(new Date(second.due_at).getTime()).toBe(t1.getTime() + 120 * 60_000)

        // The provider is back for the flaky address: the third try delivers it, once.
        failing.delete(flaky.email)
        const t2 = new Date(t1.getTime() + 121 * 60_000)
        await sendDueRemindersWorkflow(container).run({ input: { now: t2 } })
        expect(await reminderOf(flaky)).toMatchObject({ status: "sent", attempts: 3 })
        expect(await live(flaky)).toMatchObject([{ status: "success" }])
        expect((await messaging.listMarketingMessages({ idempotency_key: `reminder:${flaky.reminder.id}` }))).toMatchObject([{ status: "sent" }])
        expect(await reminderOf(down)).toMatchObject({ status: "scheduled", attempts: 3 })

        // Three retries (sendRetries) after the first try: the fourth refusal is final.
        const t3 = new Date(t2.getTime() + 241 * 60_000)
        const last = await sendDueRemindersWorkflow(container).run({ input: { now: t3 } })
        expect(last.result.failed).toBeGreaterThanOrEqual(1)
        expect(await reminderOf(down)).toMatchObject({ status: "failed", attempts: 4, reason: expect.stringContaining("provider unavailable") })
        await sendDueRemindersWorkflow(container).run({ input: { now: new Date(t3.getTime() + 10 * DAY) } })
        expect(await reminderOf(flaky)).toMatchObject({ status: "sent", attempts: 3 })
        expect(await reminderOf(down)).toMatchObject({ status: "failed", attempts: 4 })
        expect(tries.get(flaky.email)).toBe(3)
        expect(tries.get(down.email)).toBe(4)
      } finally {
        spy.mockRestore()
      }
    })

    it("the report's revenue of a reorder is net of a refund without a return", async () => {
      const shopper = await dueShopper("refund-after-reorder@reminders.example")
      await sendDueRemindersWorkflow(container).run({ input: {} })
      const sent = (await reminders.listReminders({ id: shopper.reminder.id }))[0]
      expect(sent).toMatchObject({ status: "sent" })
      const reorder = await checkoutOverHttp(api, report.store, shopper, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 2 }],
      })
      const [line] = await eventually(
        () => facts.listPurchaseFacts({ order_key: reorder }),
        (rows) => rows.length === 1
      )
      const query = `from=${new Date(new Date(sent.sent_at!).getTime() - 1000).toISOString()}&to=${new Date(new Date(sent.sent_at!).getTime() + 1000).toISOString()}&rule_id=${ruleId}`
      const revenue = async () => {
        const { data } = await api.get(`/admin/reminders/report?${query}`, headers)
        return data.report.revenue.find((r: { currency_code: string }) => r.currency_code === "twd")
      }
      const before = await revenue()
      expect(before).toMatchObject({ orders: 1, reminders: 1 })
      expect(Number(before.amount)).toBe(Number(line.net_amount))

      const { data } = await api.get(`/admin/orders/${reorder}?fields=payment_collections.payments.id,payment_collections.payments.captured_at`, headers)
      const payment = data.order.payment_collections[0].payments[0]
      if (!payment.captured_at) {
        await api.post(`/admin/payments/${payment.id}/capture`, {}, headers)
      }
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 300 }, headers)
      await eventually(
        () => facts.listOrderFacts({ order_key: reorder }),
        (rows) => Number(rows[0]?.refunded_total) === 300
      )
      // No return: the units are still kept, the money is not.
      expect((await facts.listPurchaseFacts({ order_key: reorder }))[0]).toMatchObject({ net_quantity: 2 })
      expect(Number((await revenue()).amount)).toBeCloseTo(Number(line.net_amount) - 300, 4)
    })

    it("a history import gives an imported patient whose box runs out next week a due reminder; the nightly RFM run resyncs nothing", async () => {
      const bulk: CustomerFactsBulkRefreshedPayload[] = []
      container.resolve(Modules.EVENT_BUS).subscribe(CustomerFactsEvents.BULK_REFRESHED, async (event: { data: CustomerFactsBulkRefreshedPayload }) => {
        bulk.push(event.data)
      }, { subscriberId: "reminders-spec-bulk-refreshed" })
      // One box, 22 days ago: it runs out in 6 days, and the rule's 3 days of lead make it due in 3.
      const placed = new Date(today.getTime() - 22 * DAY)
      const email = "imported-patient@reminders.example"
      const body = new FormData()
      body.append(
        "customers",
        new Blob([`email,first_name,last_name,phone,country_code,city,postal_code,created_at,marketing_consent,metadata\n${email},Ines,Imported,,de,Berlin,10115,2020-01-01,true,\n`], { type: "text/csv" }),
        "customers.csv"
      )
      body.append(
        "orders",
        new Blob([`order_ref,email,placed_at,currency_code,sku,quantity,unit_amount,refunded_quantity\nRX-1,${email},${placed.toISOString()},twd,PH-FIN-28,1,1200,0\n`], { type: "text/csv" }),
        "orders.csv"
      )
      const { data } = await api.post("/admin/customer-facts/imports", body, headers)
      await eventually(
        async () => (await api.get(`/admin/customer-facts/imports/${data.history_import.id}`, headers)).data.history_import,
        (job) => job.status === "completed" || job.status === "failed",
        120_000
      )
      const [profile] = await facts.listCustomerFacts({ email })
      expect(profile).toBeDefined()
      const reminder = await eventually(() => active(profile.customer_id), (r) => !!r, 60_000)
      expect(reminder).toMatchObject({ status: "scheduled", sequence: 1 })
      expect(new Date(reminder!.coverage_end).getTime()).toBe(placed.getTime() + 28 * DAY)
      expect(new Date(reminder!.due_at).getTime()).toBe(placed.getTime() + 25 * DAY)
      expect(await eventually(async () => bulk, (b) => b.some((p) => p.reason === "import"))).toContainEqual(expect.objectContaining({ reason: "import" }))

      // The nightly run says it is the RFM scores: the reminders subscriber leaves coverage alone
      // (the reminder and coverage removed here stay removed), a backfill rebuilds them.
      await recomputeRfmWorkflow(container).run({ input: {} })
      expect(await eventually(async () => bulk, (b) => b.some((p) => p.reason === "rfm"))).toContainEqual(expect.objectContaining({ reason: "rfm" }))
      expect(bulkRefreshedConfig.event).toBe(CustomerFactsEvents.BULK_REFRESHED)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const wipe = async () => {
        await pg("reminder").where({ customer_id: profile.customer_id }).delete()
        await pg("customer_coverage").where({ customer_id: profile.customer_id }).delete()
      }
      await wipe()
      const handle = (reason: CustomerFactsBulkRefreshedPayload["reason"]) =>
        remindersFactsBulkRefreshed({ event: { name: CustomerFactsEvents.BULK_REFRESHED, data: { customers: 1, reason } }, container, pluginOptions: {} })
      await handle("rfm")
      expect(await remindersOf(profile.customer_id)).toHaveLength(0)
      expect(await reminders.listCustomerCoverages({ customer_id: profile.customer_id })).toHaveLength(0)
      await handle("backfill")
      const rebuilt = await active(profile.customer_id)
      expect(new Date(rebuilt!.due_at).getTime()).toBe(placed.getTime() + 25 * DAY)
      expect(await reminders.listCustomerCoverages({ customer_id: profile.customer_id, rule_id: ruleId })).toHaveLength(1)
    })
  },
})
