import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { CreateOrderDTO, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { WorkflowData } from "@medusajs/framework/workflows-sdk"
import { parse } from "csv-parse/sync"
import { CUSTOMER_FACTS_MODULE } from "../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../src/modules/customer-facts/service"
import { REMINDERS_MODULE } from "../../src/modules/reminders"
import type RemindersModuleService from "../../src/modules/reminders/service"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import { refreshCustomerFactsWorkflow } from "../../src/workflows/customer-facts/refresh-customer-facts"
import { createReminderRulesStep, type CreateReminderRuleInput } from "../../src/workflows/reminders/steps/create-reminder-rules"
import { deleteReminderRulesStep } from "../../src/workflows/reminders/steps/delete-reminder-rules"
import { updateReminderRulesStep, type UpdateReminderRuleInput } from "../../src/workflows/reminders/steps/update-reminder-rules"
import { syncCustomerRemindersWorkflow } from "../../src/workflows/reminders/sync-customer-reminders"
import { adminHeaders, customerHeaders } from "../helpers/auth"
import { thenFail } from "../helpers/loyalty-fixtures"
import { eventually, failure } from "../helpers/requests"
import { registerShopper, SHOPPER_PASSWORD } from "../helpers/store-checkout"

jest.setTimeout(600_000)

const DAY = 86_400_000
const WAIT = 90_000
const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z")

type Reminder = Awaited<ReturnType<RemindersModuleService["listReminders"]>>[number]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbUtils, utils }) => {
    let container: MedusaContainer
    let report: SeedReport
    let reminders: RemindersModuleService
    let facts: CustomerFactsModuleService
    let admin: { headers: Record<string, string> }
    const started = new Date()
    const variant = (sku: string) => report.store.variantBySku[sku]

    beforeAll(async () => {
      container = getContainer()
      report = await seedDemoStore(container, { cases: ["pharmacy"], customers: 40, seed: 11, anchor: today })
      reminders = container.resolve(REMINDERS_MODULE)
      facts = container.resolve(CUSTOMER_FACTS_MODULE)
      admin = await adminHeaders(container, api)
    })

    /** Places an order dated `placedAt` straight through the Order module, then lets the facts and reminders catch up. */
    async function placeOrder(shopper: { id: string; email: string }, sku: string, quantity: number, unitPrice: number, placedAt: Date) {
      const v = variant(sku)
      await container.resolve(Modules.ORDER).createOrders([
        {
          region_id: report.store.regionByKey.taiwan.id,
          currency_code: "twd",
          customer_id: shopper.id,
          email: shopper.email,
          sales_channel_id: report.store.salesChannelByCase.pharmacy,
          items: [
            { title: v.product_title, product_title: v.product_title, variant_title: v.title, variant_id: v.id, product_id: v.product_id, variant_sku: sku, quantity, unit_price: unitPrice },
          ],
          created_at: placedAt,
          updated_at: placedAt,
        } as CreateOrderDTO,
      ])
      await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [shopper.id] } })
      await syncCustomerRemindersWorkflow(container).run({ input: { customer_ids: [shopper.id] } })
    }

    const ofRule = (ruleId: string, status?: Reminder["status"]) => reminders.listReminders({ rule_id: ruleId, ...(status ? { status } : {}) }, { take: 10_000 })
    const buyersOf = async (productIds: string[]) =>
      [...new Set((await facts.listPurchaseFacts({ product_id: productIds }, { take: 100_000 })).filter((p) => p.net_quantity > 0).map((p) => p.customer_id))]
    /** What the rule's scheduled reminders must be now: one per buyer whose coverage still runs, ending when it does. */
    const expectedEnds = async (ruleId: string, productIds: string[]) => {
      const coverage = await reminders.computeCoverage({ customer_ids: await buyersOf(productIds), rule_id: ruleId })
      return new Map(
        coverage.filter((c) => c.covered_until && new Date(c.covered_until).getTime() > Date.now()).map((c) => [c.customer_id, new Date(c.covered_until!).getTime()])
      )
    }
    const endsOf = (rows: Reminder[]) => new Map(rows.map((r) => [r.customer_id, new Date(r.coverage_end).getTime()]))

    // The runner restores the database before every test from a template; each describe's
    // beforeAll sets up its state and snapshots it as the template its tests start from.
    it("refuses bad rule input with a 400 naming the field, and creates nothing", async () => {
      const fin = variant("PH-FIN-28")
      const min = variant("PH-MIN-60")
      const cases: [Record<string, unknown>, string][] = [
        [{}, "product_id"],
        [{ product_id: "" }, "product_id"],
        [{ product_id: "prod_does_not_exist" }, "product_id"],
        [{ product_id: fin.product_id, variant_id: min.id }, "variant_id"],
        [{ product_id: fin.product_id, variant_id: "variant_does_not_exist" }, "variant_id"],
        [{ product_id: fin.product_id, substitute_product_ids: ["prod_does_not_exist"] }, "substitute_product_ids"],
        [{ product_id: fin.product_id, substitute_product_ids: [fin.product_id] }, "substitute_product_ids"],
        [{ product_id: fin.product_id, substitute_product_ids: [min.product_id, min.product_id] }, "substitute_product_ids"],
        [{ product_id: fin.product_id, substitute_variant_ids: ["variant_does_not_exist"] }, "substitute_variant_ids"],
        [{ product_id: fin.product_id, substitute_variant_ids: "x" }, "substitute_variant_ids"],
        [{ product_id: fin.product_id, days_per_unit: 0 }, "days_per_unit"],
        [{ product_id: fin.product_id, days_per_unit: -28 }, "days_per_unit"],
        [{ product_id: fin.product_id, days_per_unit: "28" }, "days_per_unit"],
        [{ product_id: fin.product_id, lead_days: -1 }, "lead_days"],
        [{ product_id: fin.product_id, lead_days: 366 }, "lead_days"],
        [{ product_id: fin.product_id, lead_days: 2.5 }, "lead_days"],
        [{ product_id: fin.product_id, max_reminders: 0 }, "max_reminders"],
        [{ product_id: fin.product_id, max_reminders: 6 }, "max_reminders"],
        [{ product_id: fin.product_id, nudge_after_days: 0 }, "nudge_after_days"],
        [{ product_id: fin.product_id, nudge_after_days: 91 }, "nudge_after_days"],
        [{ product_id: fin.product_id, template: "" }, "template"],
        [{ product_id: fin.product_id, is_active: "yes" }, "is_active"],
        [{ product_id: fin.product_id, colour: "red" }, "colour"],
      ]
      for (const [body, field] of cases) {
        const { status, message } = await failure(api.post("/admin/reminders/rules", body, admin))
        expect({ body, status }).toEqual({ body, status: 400 })
        expect(message).toContain(field)
      }
      expect(await reminders.listReminderRules({})).toHaveLength(0)
    })

    describe("rules", () => {
      let finRule: string
      let created: Record<string, unknown>

      beforeAll(async () => {
        const { data } = await api.post(
          "/admin/reminders/rules",
          { product_id: variant("PH-FIN-28").product_id, title: "Finasteride 1 mg", days_per_unit: 28, lead_days: 3 },
          admin
        )
        created = data.reminder_rule
        finRule = data.reminder_rule.id
        const expected = await expectedEnds(finRule, [variant("PH-FIN-28").product_id])
        await eventually(() => ofRule(finRule, "scheduled"), (rows) => rows.length === expected.size, WAIT)
        await utils.waitWorkflowExecutions()
        await dbUtils.snapshot()
      })

      it("a new rule gives the product's existing buyers their reminders (computed on the worker)", async () => {
        const fin = variant("PH-FIN-28")
        expect(created).toMatchObject({ product_id: fin.product_id, variant_id: null, days_per_unit: 28, lead_days: 3, max_reminders: 1, is_active: true })
        const expected = await expectedEnds(finRule, [fin.product_id])
        // Seeded patients bought before the rule existed; many are still covered today.
        expect(expected.size).toBeGreaterThan(3)
        const scheduled = await ofRule(finRule, "scheduled")
        expect(endsOf(scheduled)).toEqual(expected)
        for (const r of scheduled) {
          expect(new Date(r.due_at).getTime()).toBe(new Date(r.coverage_end).getTime() - 3 * DAY)
        }
        expect(await reminders.listCustomerCoverages({ rule_id: finRule }, { take: 10_000 })).toHaveLength((await buyersOf([fin.product_id])).length)
      })

      it("allows one active rule per product or per variant", async () => {
        const fin = variant("PH-FIN-28")
        const twice = await failure(api.post("/admin/reminders/rules", { product_id: fin.product_id, days_per_unit: 30 }, admin))
        expect(twice).toEqual({ status: 400, message: expect.stringContaining("product_id") })
        const variantToo = await failure(api.post("/admin/reminders/rules", { product_id: fin.product_id, variant_id: fin.id }, admin))
        expect(variantToo).toEqual({ status: 400, message: expect.stringContaining("variant_id") })

        // An inactive second rule may exist (made through the service: its events would resync the same buyers
        // while later tests run); switching it on is refused.
        const [spare] = await reminders.createReminderRules([{ product_id: fin.product_id, is_active: false, title: "spare" }])
        const switchOn = await failure(api.post(`/admin/reminders/rules/${spare.id}`, { is_active: true }, admin))
        expect(switchOn).toEqual({ status: 400, message: expect.stringContaining("product_id") })
        expect((await reminders.listReminderRules({ id: spare.id }))[0].is_active).toBe(false)
        await reminders.deleteReminderRules([spare.id])
      })

      it("lists, retrieves and answers 404 for unknown ids", async () => {
        const { data: list } = await api.get("/admin/reminders/rules?is_active=true", admin)
        expect(list).toMatchObject({ count: 1, limit: 20, offset: 0, reminder_rules: [{ id: finRule }] })
        // Learned on the worker when the rule was created, not at the next nightly run.
        expect(list.reminder_rules[0].learned_sample_size).toBeGreaterThan(10)
        expect(Math.abs(list.reminder_rules[0].learned_days_per_unit - 28)).toBeLessThanOrEqual(2)
        const { data: one } = await api.get(`/admin/reminders/rules/${finRule}`, admin)
        expect(one.reminder_rule.id).toBe(finRule)
        for (const request of [
          api.get("/admin/reminders/rules/rrule_unknown", admin),
          api.post("/admin/reminders/rules/rrule_unknown", { lead_days: 2 }, admin),
          api.delete("/admin/reminders/rules/rrule_unknown", admin),
        ]) {
          expect((await failure(request)).status).toBe(404)
        }
        expect(await failure(api.get("/admin/reminders/rules?is_active=maybe", admin))).toEqual({ status: 400, message: expect.stringContaining("is_active") })
        expect(await failure(api.get("/admin/reminders/rules?limit=0", admin))).toEqual({ status: 400, message: expect.stringContaining("limit") })
        expect(await failure(api.post(`/admin/reminders/rules/${finRule}`, { lead_days: 400 }, admin))).toEqual({ status: 400, message: expect.stringContaining("lead_days") })
      })

      it("a new cycle replaces the reminders (rule_changed), a new lead time moves their due dates, the old cycle brings the old ones back", async () => {
        const fin = variant("PH-FIN-28")
        const before = await ofRule(finRule, "scheduled")
        await api.post(`/admin/reminders/rules/${finRule}`, { days_per_unit: 30 }, admin)
        const expected = await expectedEnds(finRule, [fin.product_id])
        const scheduled = await eventually(() => ofRule(finRule, "scheduled"), (rows) => rows.length === expected.size && rows.every((r) => !before.some((b) => b.id === r.id)), WAIT)
        expect(endsOf(scheduled)).toEqual(expected)
        const old = await reminders.listReminders({ id: before.map((r) => r.id) })
        expect(old.map((r) => [r.status, r.reason])).toEqual(before.map(() => ["withdrawn", "rule_changed"]))

        await api.post(`/admin/reminders/rules/${finRule}`, { lead_days: 5 }, admin)
        const moved = await eventually(
          () => ofRule(finRule, "scheduled"),
          (rows) => rows.length === expected.size && rows.every((r) => new Date(r.due_at).getTime() === new Date(r.coverage_end).getTime() - 5 * DAY),
          WAIT
        )
        expect(moved.map((r) => r.id).sort()).toEqual(scheduled.map((r) => r.id).sort())

        await api.post(`/admin/reminders/rules/${finRule}`, { days_per_unit: 28, lead_days: 3 }, admin)
        const back = await eventually(
          () => ofRule(finRule, "scheduled"),
          (rows) => rows.length === before.length && rows.every((r) => before.some((b) => b.id === r.id && new Date(b.due_at).getTime() === new Date(r.due_at).getTime())),
          WAIT
        )
        expect(back).toHaveLength(before.length)
      })

      it("deactivating a rule withdraws its scheduled reminders (rule_inactive) and drops its coverage; switching it back on restores them", async () => {
        const before = await ofRule(finRule, "scheduled")
        expect(before.length).toBeGreaterThan(0)
        const { data } = await api.post(`/admin/reminders/rules/${finRule}`, { is_active: false }, admin)
        expect(data.reminder_rule.is_active).toBe(false)
        await eventually(() => ofRule(finRule, "scheduled"), (rows) => rows.length === 0, WAIT)
        const withdrawn = await reminders.listReminders({ id: before.map((r) => r.id) })
        expect(withdrawn.map((r) => [r.status, r.reason])).toEqual(before.map(() => ["withdrawn", "rule_inactive"]))
        expect(await reminders.listCustomerCoverages({ rule_id: finRule })).toHaveLength(0)
        const { data: upcoming } = await api.get(`/admin/reminders/upcoming?days=365&rule_id=${finRule}`, admin)
        expect(upcoming.count).toBe(0)

        await api.post(`/admin/reminders/rules/${finRule}`, { is_active: true }, admin)
        const back = await eventually(() => ofRule(finRule, "scheduled"), (rows) => rows.length === before.length, WAIT)
        expect(back.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort())
      })

      it("suggests the learned cycle of a product before a rule exists", async () => {
        const { data } = await api.get(`/admin/reminders/cycle-suggestion?product_id=${variant("PH-FIN-28").product_id}`, admin)
        expect(data.suggestion.sample_size).toBeGreaterThan(10)
        expect(Math.abs(data.suggestion.days_per_unit - 28)).toBeLessThanOrEqual(2)
        expect(await failure(api.get("/admin/reminders/cycle-suggestion", admin))).toEqual({ status: 400, message: expect.stringContaining("product_id") })
      })

      it("upcoming: due in the next N days with the customer, paged, and as CSV with every row", async () => {
        const horizon = Date.now() + 60 * DAY
        const expected = (await ofRule(finRule, "scheduled")).filter((r) => new Date(r.due_at).getTime() <= horizon)
        expect(expected.length).toBeGreaterThan(1)
        const { data } = await api.get(`/admin/reminders/upcoming?days=60&rule_id=${finRule}&limit=500`, admin)
        expect(data.count).toBe(expected.length)
        expect(data.reminders.map((r: { id: string }) => r.id).sort()).toEqual(expected.map((r) => r.id).sort())
        const dues = data.reminders.map((r: { due_at: string }) => new Date(r.due_at).getTime())
        expect(dues).toEqual([...dues].sort((a, b) => a - b))
        const profiles = new Map((await facts.listCustomerFacts({ customer_id: expected.map((r) => r.customer_id) })).map((f) => [f.customer_id, f]))
        for (const row of data.reminders) {
          expect(row).toMatchObject({ email: profiles.get(row.customer_id)!.email, rule_title: "Finasteride 1 mg", cycle_source: "rule" })
        }
        const { data: page2 } = await api.get(`/admin/reminders/upcoming?days=60&rule_id=${finRule}&limit=1&offset=1`, admin)
        expect(page2).toMatchObject({ count: expected.length, limit: 1, offset: 1, reminders: [{ id: data.reminders[1].id }] })

        const csv = await api.get(`/admin/reminders/upcoming/export.csv?days=60&rule_id=${finRule}`, { ...admin, responseType: "text" })
        expect(csv.headers["content-type"]).toContain("text/csv")
        const rows: Record<string, string>[] = parse(csv.data, { columns: true, bom: true })
        expect(rows).toHaveLength(expected.length)
        expect(rows.map((r) => r.reminder_id)).toEqual(data.reminders.map((r: { id: string }) => r.id))
        expect(rows[0]).toMatchObject({ email: data.reminders[0].email, rule_title: "Finasteride 1 mg" })

        for (const [url, field] of [
          ["/admin/reminders/upcoming?days=-1", "days"],
          ["/admin/reminders/upcoming?days=week", "days"],
          ["/admin/reminders/upcoming?limit=501", "limit"],
          ["/admin/reminders/upcoming?sort=due", "sort"],
          ["/admin/reminders/upcoming/export.csv?days=400", "days"],
        ]) {
          expect(await failure(api.get(url, admin))).toEqual({ status: 400, message: expect.stringContaining(field) })
        }
        expect((await failure(api.get("/admin/reminders/upcoming?rule_id=rrule_unknown", admin))).status).toBe(404)
        expect((await failure(api.get("/admin/reminders/upcoming/export.csv?rule_id=rrule_unknown", admin))).status).toBe(404)
      })
    })

    describe("sending, the report and the customer views", () => {
      let minRule: string
      const shoppers: Record<"buyer" | "idle" | "silent", { id: string; email: string }> = {} as never

      beforeAll(async () => {
        await dbUtils.restore()
        const { data } = await api.post(
          "/admin/reminders/rules",
          {
            product_id: variant("PH-MIN-60").product_id,
            title: "Minoxidil 60 ml",
            days_per_unit: 30,
            lead_days: 3,
            substitute_product_ids: [variant("PH-SER-30").product_id],
          },
          admin
        )
        minRule = data.reminder_rule.id
        shoppers.buyer = await registerShopper(container, "buyer@reminders-admin.example", { metadata: { marketing_consent: true } })
        shoppers.idle = await registerShopper(container, "idle@reminders-admin.example", { metadata: { marketing_consent: true } })
        shoppers.silent = await registerShopper(container, "silent@reminders-admin.example")
        // 28 days ago: runs out in two days, due yesterday.
        for (const shopper of Object.values(shoppers)) {
          await placeOrder(shopper, "PH-MIN-60", 1, 890, new Date(Date.now() - 28 * DAY))
        }
        await utils.waitWorkflowExecutions()
        await dbUtils.snapshot()
      })

      /** The hourly send runs (the buyer and the idle shopper are sent their reminder), then the buyer reorders two bottles of the serum, a substitute. */
      async function sendThenReorder() {
        await api.post("/admin/reminders/run", {}, admin)
        await placeOrder(shoppers.buyer, "PH-SER-30", 2, 680, new Date())
      }

      it("POST /admin/reminders/run sends what is due and returns the counts", async () => {
        expect(await failure(api.post("/admin/reminders/run", { max_batches: 0 }, admin))).toEqual({ status: 400, message: expect.stringContaining("max_batches") })
        expect(await failure(api.post("/admin/reminders/run", { now: "2030-01-01" }, admin))).toEqual({ status: 400, message: expect.stringContaining("now") })
        const due = (await ofRule(minRule, "scheduled")).filter((r) => new Date(r.due_at).getTime() <= Date.now())
        expect(due.map((r) => r.customer_id)).toEqual(expect.arrayContaining(Object.values(shoppers).map((s) => s.id)))

        const { data } = await api.post("/admin/reminders/run", {}, admin)
        expect(data.run.claimed).toBeGreaterThanOrEqual(3)
        expect(data.run.sent).toBeGreaterThanOrEqual(2)
        expect(data.run.suppressed.no_consent).toBeGreaterThanOrEqual(1)
        const after = new Map((await ofRule(minRule)).map((r) => [r.customer_id, r]))
        expect(after.get(shoppers.buyer.id)).toMatchObject({ status: "sent" })
        expect(after.get(shoppers.idle.id)).toMatchObject({ status: "sent" })
        expect(after.get(shoppers.silent.id)).toMatchObject({ status: "suppressed", reason: "no_consent" })
      })

      it("the report: outcomes by reason, reorders within 14 days of a reminder (a substitute counts) and their revenue per currency, as counted here", async () => {
        await sendThenReorder()
        const to = new Date(Date.now() + 60_000)
        const query = `from=${started.toISOString()}&to=${to.toISOString()}`
        const { data } = await api.get(`/admin/reminders/report?${query}&rule_id=${minRule}`, admin)

        const mine = (await ofRule(minRule)).filter((r) => inWindow(r, started, to))
        const sent = mine.filter((r) => r.status === "sent")
        const lines = (await facts.listPurchaseFacts({ customer_id: sent.map((r) => r.customer_id) }, { take: 10_000 })).filter((p) =>
          sent.some(
            (r) =>
              r.customer_id === p.customer_id &&
              [variant("PH-MIN-60").product_id, variant("PH-SER-30").product_id].includes(p.product_id!) &&
              new Date(p.placed_at).getTime() > new Date(r.sent_at!).getTime() &&
              new Date(p.placed_at).getTime() <= new Date(r.sent_at!).getTime() + 14 * DAY
          )
        )
        expect(lines).toHaveLength(1)
        expect(data.report).toMatchObject({
          rule_id: minRule,
          window_days: 14,
          sent: sent.length,
          suppressed: countBy(mine.filter((r) => r.status === "suppressed")),
          withdrawn: countBy(mine.filter((r) => r.status === "withdrawn")),
          failed: 0,
          converted: 1,
          conversion_rate: 1 / sent.length,
          revenue: [{ currency_code: "twd", amount: expect.any(String), orders: 1, reminders: 1 }],
        })
        expect(sent.map((r) => r.customer_id)).toEqual(expect.arrayContaining([shoppers.buyer.id, shoppers.idle.id]))
        expect(Number(data.report.revenue[0].amount)).toBe(Number(lines[0].net_amount))
        expect(Number(data.report.revenue[0].amount)).toBe(2 * 680)

        // Every rule: the same figures as the reminders table holds for the period.
        const { data: all } = await api.get(`/admin/reminders/report?${query}`, admin)
        const everything = (await reminders.listReminders({}, { take: 100_000 })).filter((r) => inWindow(r, started, to))
        expect(all.report).toMatchObject({
          sent: everything.filter((r) => r.status === "sent").length,
          suppressed: countBy(everything.filter((r) => r.status === "suppressed")),
          withdrawn: countBy(everything.filter((r) => r.status === "withdrawn")),
          failed: everything.filter((r) => r.status === "failed").length,
        })
        expect(all.report.converted).toBeGreaterThanOrEqual(1)

        for (const [url, field] of [
          ["/admin/reminders/report?from=yesterday", "from"],
          [`/admin/reminders/report?from=${to.toISOString()}&to=${started.toISOString()}`, "to"],
          ["/admin/reminders/report?window=30", "window"],
        ]) {
          expect(await failure(api.get(url, admin))).toEqual({ status: 400, message: expect.stringContaining(field) })
        }
        expect((await failure(api.get("/admin/reminders/report?rule_id=rrule_unknown", admin))).status).toBe(404)
      })

      it("a customer's coverage with the next and last reminders, in the admin", async () => {
        await sendThenReorder()
        const { data } = await api.get(`/admin/reminders/customers/${shoppers.buyer.id}`, admin)
        const [coverage] = await reminders.listCustomerCoverages({ customer_id: shoppers.buyer.id, rule_id: minRule })
        const next = (await ofRule(minRule, "scheduled")).find((r) => r.customer_id === shoppers.buyer.id)!
        expect(data.reminders.coverage).toEqual([
          expect.objectContaining({
            rule_id: minRule,
            rule_title: "Minoxidil 60 ml",
            covered_until: new Date(coverage.covered_until!).toISOString(),
            units: 3,
            next_reminder: expect.objectContaining({ id: next.id, status: "scheduled" }),
            last_reminder: expect.objectContaining({ status: "sent" }),
          }),
        ])
        expect(data.reminders.upcoming.map((r: { id: string }) => r.id)).toEqual([next.id])
        expect((await failure(api.get("/admin/reminders/customers/cus_unknown", admin))).status).toBe(404)
      })

      it("the store route shows the logged-in customer their own coverage and reminders only", async () => {
        await sendThenReorder()
        const key = report.store.publishableKey
        const buyer = await customerHeaders(api, shoppers.buyer.email, SHOPPER_PASSWORD, key)
        const idle = await customerHeaders(api, shoppers.idle.email, SHOPPER_PASSWORD, key)
        const { data: mine } = await api.get("/store/reminders/me", buyer)
        const buyerReminders = (await reminders.listReminders({ customer_id: shoppers.buyer.id, status: "scheduled" })).map((r) => r.id)
        expect(mine.coverage).toEqual([expect.objectContaining({ rule_id: minRule, title: "Minoxidil 60 ml", units: 3 })])
        expect(mine.upcoming.map((r: { id: string }) => r.id)).toEqual(buyerReminders)
        const { data: theirs } = await api.get("/store/reminders/me", idle)
        expect(theirs.upcoming.some((r: { id: string }) => buyerReminders.includes(r.id))).toBe(false)
        expect(theirs.coverage).toHaveLength(1)
        expect(theirs.coverage[0].covered_until).not.toBe(mine.coverage[0].covered_until)
        expect((await failure(api.get("/store/reminders/me", { headers: { "x-publishable-api-key": key } }))).status).toBe(401)
      })

      it("deleting a rule withdraws its scheduled reminders and keeps the sent ones", async () => {
        await sendThenReorder()
        const scheduled = await ofRule(minRule, "scheduled")
        expect(scheduled.length).toBeGreaterThan(0)
        const { data } = await api.delete(`/admin/reminders/rules/${minRule}`, admin)
        expect(data).toEqual({ id: minRule, object: "reminder_rule", deleted: true })
        await eventually(() => reminders.listReminders({ id: scheduled.map((r) => r.id), status: "scheduled" }), (rows) => rows.length === 0, WAIT)
        expect((await reminders.listReminders({ id: scheduled.map((r) => r.id) })).map((r) => r.reason)).toEqual(scheduled.map(() => "rule_inactive"))
        expect((await reminders.listReminders({ rule_id: minRule, status: "sent" })).map((r) => r.customer_id)).toEqual(
          expect.arrayContaining([shoppers.buyer.id, shoppers.idle.id])
        )
        expect((await failure(api.get(`/admin/reminders/rules/${minRule}`, admin))).status).toBe(404)
        expect((await failure(api.delete(`/admin/reminders/rules/${minRule}`, admin))).status).toBe(404)
      })
    })

    describe("compensation", () => {
      it("a failing workflow deletes the rules it created, restores the fields it changed and the rules it deleted", async () => {
        const fin = variant("PH-FIN-28")
        const input: CreateReminderRuleInput = { product_id: variant("PH-SHA-250").product_id, title: "shampoo", days_per_unit: 60 }
        const create = thenFail<CreateReminderRuleInput[]>("reminders-spec-create-then-fail", (rules: WorkflowData<CreateReminderRuleInput[]>) => createReminderRulesStep(rules))
        const created = await create(container).run({ input: [input], throwOnError: false })
        expect(created.errors.map((e) => e.error.message)).toEqual(["forced failure"])
        expect(await reminders.listReminderRules({ title: "shampoo" }, { withDeleted: true })).toHaveLength(0)

        const [rule] = await reminders.listReminderRules({ product_id: fin.product_id, is_active: true })
        const update = thenFail<UpdateReminderRuleInput[]>("reminders-spec-update-then-fail", (rules: WorkflowData<UpdateReminderRuleInput[]>) => updateReminderRulesStep(rules))
        const updated = await update(container).run({ input: [{ id: rule.id, lead_days: 9, title: "changed", substitute_product_ids: [variant("PH-SER-30").product_id] }], throwOnError: false })
        expect(updated.errors.map((e) => e.error.message)).toEqual(["forced failure"])
        expect((await reminders.listReminderRules({ id: rule.id }))[0]).toMatchObject({ lead_days: rule.lead_days, title: rule.title, substitute_product_ids: rule.substitute_product_ids })

        const remove = thenFail<string[]>("reminders-spec-delete-then-fail", (ids: WorkflowData<string[]>) => deleteReminderRulesStep(ids))
        const removed = await remove(container).run({ input: [rule.id], throwOnError: false })
        expect(removed.errors.map((e) => e.error.message)).toEqual(["forced failure"])
        expect(await reminders.listReminderRules({ id: rule.id })).toHaveLength(1)
      })
    })
  },
})

/** A final reminder's outcome time (sent_at, else when it got its status) falls in [from, to). */
function inWindow(r: Reminder, from: Date, to: Date): boolean {
  if (r.status === "scheduled" || r.status === "claimed") return false
  const at = new Date(r.status === "sent" ? r.sent_at! : r.updated_at).getTime()
  return at >= from.getTime() && at < to.getTime()
}

function countBy(rows: Reminder[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const r of rows) counts[r.reason ?? "unknown"] = (counts[r.reason ?? "unknown"] ?? 0) + 1
  return counts
}
