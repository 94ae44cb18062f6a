import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUTOMATIONS_MODULE } from "../../src/modules/automations"
import type AutomationsModuleService from "../../src/modules/automations/service"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import { runDueJourneysWorkflow } from "../../src/workflows/automations/run-due-journeys"
import { scanAbandonedCartsWorkflow } from "../../src/workflows/automations/scan-abandoned-carts"
import { scanWinBackWorkflow } from "../../src/workflows/automations/scan-win-back"
import { enterSegmentAutomationsWorkflow } from "../../src/workflows/automations/enter-segment-automations"
import { refreshCustomerFactsWorkflow } from "../../src/workflows/customer-facts/refresh-customer-facts"
import { adminHeaders, customerHeaders } from "../helpers/auth"
import { eventually, failure } from "../helpers/requests"
import { checkoutOverHttp, registerShopper, SHOPPER_PASSWORD } from "../helpers/store-checkout"

jest.setTimeout(400_000)

const HOUR = 3_600_000
const DAY = 24 * HOUR
const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let report: SeedReport
    let automations: AutomationsModuleService
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      container = getContainer()
      report = await seedDemoStore(container, { cases: ["pharmacy"], customers: 5, seed: 7, anchor: today })
      automations = container.resolve(AUTOMATIONS_MODULE)
      admin = await adminHeaders(container, api)
    })

    const pg = () => container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const consenting = (email: string) => registerShopper(container, email, { metadata: { marketing_consent: true } })
    const emailsTo = async (email: string, template: string) =>
      (await container.resolve(Modules.NOTIFICATION).listNotifications({ to: email, template })).length
    const journeysOf = (automationId: string, customerId: string) => automations.listAutomationJourneys({ automation_id: automationId, customer_id: customerId })
    const run = async (now: Date) => (await runDueJourneysWorkflow(container).run({ input: { now } })).result
    const createAutomation = async (body: Record<string, unknown>) => (await api.post("/admin/automations", body, admin)).data.automation

    /** A logged-in shopper's open cart holding one box, last changed `hoursAgo` hours ago. */
    async function abandonedCart(shopper: { email: string }, hoursAgo: number) {
      const headers = await customerHeaders(api, shopper.email, SHOPPER_PASSWORD, report.store.publishableKey)
      const { data } = await api.post(
        "/store/carts",
        {
          region_id: report.store.regionByKey.taiwan.id,
          sales_channel_id: report.store.salesChannelByCase.pharmacy,
          items: [{ variant_id: report.store.variantBySku["PH-FIN-28"].id, quantity: 1 }],
        },
        headers
      )
      const at = new Date(Date.now() - hoursAgo * HOUR)
      await pg()("cart").where({ id: data.cart.id }).update({ updated_at: at })
      await pg()("cart_line_item").where({ cart_id: data.cart.id }).update({ updated_at: at })
      return data.cart as { id: string; email: string | null }
    }

    it("validates automations with 400s naming the field, and lists them with on/off and counts", async () => {
      const steps = [{ type: "send_email", template: "welcome" }]
      const bad = async (body: Record<string, unknown>) => failure(api.post("/admin/automations", body, admin))
      expect(await bad({ name: "x", trigger: { type: "cart_abandoned", hours: 4 }, steps: [{ type: "wait", amount: 2, unit: "hours" }, { type: "send_email" }] })).toMatchObject({
        status: 400,
        message: expect.stringContaining("steps[1].template"),
      })
      expect(await bad({ name: "x", trigger: { type: "birthday" }, steps })).toMatchObject({ status: 400, message: expect.stringContaining("trigger") })
      expect(await bad({ name: "x", trigger: { type: "cart_abandoned", hours: 0 }, steps })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.hours") })
      expect(await bad({ name: "x", trigger: { type: "segment_entered", segment_id: "seg_nope" }, steps })).toMatchObject({
        status: 400,
        message: expect.stringContaining("trigger.segment_id"),
      })
      expect(await bad({ name: "x", trigger: { type: "win_back", days: 30 }, steps, conditions: { field: "order_count", op: "gt" } })).toMatchObject({
        status: 400,
        message: expect.stringContaining("conditions.value"),
      })
      expect(await bad({ name: "x", trigger: { type: "win_back", days: 30 }, steps, reentry: "every_n_days" })).toMatchObject({
        status: 400,
        message: expect.stringContaining("reentry_days"),
      })
      expect(await bad({ name: "x", trigger: { type: "win_back", days: 30 }, steps: [{ type: "add_to_group", customer_group_id: "cusgroup_nope" }] })).toMatchObject({
        status: 400,
        message: expect.stringContaining("steps[0].customer_group_id"),
      })

      const created = await createAutomation({ name: "Welcome", trigger: { type: "order_placed", nth: 1 }, steps })
      expect(created).toMatchObject({ is_active: false, reentry: "once", holdout_percent: 0, counts: { entered: 0 } })
      const on = (await api.post(`/admin/automations/${created.id}`, { is_active: true }, admin)).data.automation
      expect(on.is_active).toBe(true)
      const { data } = await api.get("/admin/automations", admin)
      expect(data.automations.find((a: { id: string }) => a.id === created.id)).toMatchObject({ is_active: true, counts: { entered: 0, sent: 0 } })
      await api.delete(`/admin/automations/${created.id}`, admin)
      expect((await failure(api.get(`/admin/automations/${created.id}`, admin))).status).toBe(404)
    })

    it("cart abandoned: one e-mail after the delay; none when the order comes first; the same cart twice is one journey", async () => {
      const automation = await createAutomation({
        name: "Cart abandoned",
        is_active: true,
        trigger: { type: "cart_abandoned", hours: 4 },
        steps: [
          { type: "wait", amount: 2, unit: "hours" },
          { type: "send_email", template: "cart-abandoned" },
        ],
      })
      const left = await consenting("left@automations.example")
      const buyer = await consenting("buyer@automations.example")
      const fresh = await consenting("fresh@automations.example")
      const leftCart = await abandonedCart(left, 5)
      expect(leftCart.email).toBe(left.email)
      await abandonedCart(buyer, 5)
      await abandonedCart(fresh, 1)

      const t0 = new Date()
      const first = (await scanAbandonedCartsWorkflow(container).run({ input: { now: t0 } })).result
      const again = (await scanAbandonedCartsWorkflow(container).run({ input: { now: new Date(t0.getTime() + 15 * 60_000) } })).result
      expect(first.started).toBe(2)
      expect(again.started).toBe(0)
      expect(await journeysOf(automation.id, left.id)).toHaveLength(1)
      expect(await journeysOf(automation.id, fresh.id)).toHaveLength(0)

      expect((await run(t0)).waiting).toBeGreaterThanOrEqual(2)
      expect(await emailsTo(left.email, "cart-abandoned")).toBe(0)

      // The buyer orders during the wait (another cart): the journey ends, no e-mail.
      await checkoutOverHttp(api, report.store, buyer, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 1 }],
      })
      const [ended] = await eventually(
        () => journeysOf(automation.id, buyer.id),
        (j) => j[0]?.status === "exited"
      )
      expect(ended).toMatchObject({ status: "exited", exit_reason: "order_placed" })

      await run(new Date(t0.getTime() + HOUR))
      expect(await emailsTo(left.email, "cart-abandoned")).toBe(0)
      await run(new Date(t0.getTime() + 2 * HOUR + 60_000))
      await run(new Date(t0.getTime() + 3 * HOUR))
      expect(await emailsTo(left.email, "cart-abandoned")).toBe(1)
      expect(await emailsTo(buyer.email, "cart-abandoned")).toBe(0)
      const [journey] = await journeysOf(automation.id, left.id)
      expect(journey).toMatchObject({ status: "completed" })
      const [notification] = await container.resolve(Modules.NOTIFICATION).listNotifications({ idempotency_key: `automation:${journey.id}:1` })
      expect(notification).toMatchObject({ to: left.email, channel: "email", data: expect.objectContaining({ cart_id: leftCart.id }) })

      const { data } = await api.get(`/admin/automations/${automation.id}/report`, admin)
      expect(data.report).toMatchObject({ entered: { total: 2 }, completed: 1, exited: { order_placed: 1 }, messages: { sent: 1 } })
    })

    it("win-back after N days without an order; a restart during the wait runs the step once, at the right time", async () => {
      const lapsed = await consenting("lapsed@automations.example")
      const recent = await consenting("recent@automations.example")
      for (const [shopper, daysAgo] of [
        [lapsed, 40],
        [recent, 10],
      ] as const) {
        const order = await checkoutOverHttp(api, report.store, shopper, {
          region: "taiwan",
          sales_channel: report.store.salesChannelByCase.pharmacy,
          items: [{ sku: "PH-FIN-28", quantity: 1 }],
        })
        await pg()("order").where({ id: order }).update({ created_at: new Date(Date.now() - daysAgo * DAY) })
        await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [shopper.id] } })
      }
      const automation = await createAutomation({
        name: "Win-back",
        is_active: true,
        trigger: { type: "win_back", days: 30 },
        steps: [
          { type: "wait", amount: 1, unit: "days" },
          { type: "send_email", template: "win-back" },
          { type: "adjust_points", points: 50 },
        ],
      })
      const t0 = new Date()
      await scanWinBackWorkflow(container).run({ input: { now: t0 } })
      await scanWinBackWorkflow(container).run({ input: { now: new Date(t0.getTime() + HOUR) } })
      expect(await journeysOf(automation.id, lapsed.id)).toHaveLength(1)
      expect(await journeysOf(automation.id, recent.id)).toHaveLength(0)
      await run(t0)
      const [waiting] = await journeysOf(automation.id, lapsed.id)
      expect(new Date(waiting.next_run_at!).getTime()).toBe(t0.getTime() + DAY)

      // At the end of the wait a runner claims the journey and crashes before doing anything.
      const dueAt = new Date(t0.getTime() + DAY)
      const crashed = await automations.claimDueJourneys({ now: dueAt })
      expect(crashed.map((j) => j.id)).toContain(waiting.id)
      // Within the lease nobody takes it over.
      await run(new Date(dueAt.getTime() + 5 * 60_000))
      expect(await emailsTo(lapsed.email, "win-back")).toBe(0)
      // After the lease the next run takes it over and sends once.
      await run(new Date(dueAt.getTime() + 20 * 60_000))
      await run(new Date(dueAt.getTime() + 40 * 60_000))
      expect(await emailsTo(lapsed.email, "win-back")).toBe(1)
      expect(await emailsTo(recent.email, "win-back")).toBe(0)
      const [done] = await journeysOf(automation.id, lapsed.id)
      expect(done).toMatchObject({ status: "completed", attempts: 3 })
      const steps = await automations.listAutomationStepRuns({ journey_id: done.id }, { order: { step_index: "ASC" } })
      expect(steps.map((s) => [s.step_index, s.outcome])).toEqual([
        [0, "waited"],
        [1, "done"],
        [2, "done"],
      ])
      const credited = await container.resolve("loyaltyPoints").listPointsTransactions({ idempotency_key: `automation:${done.id}:2` })
      expect(credited).toMatchObject([{ customer_id: lapsed.id, type: "adjust", points: 50 }])
    })

    it("first order: only customers meeting the conditions enter, and are added to the group", async () => {
      const [group] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "First-order VIPs" }])
      const automation = await createAutomation({
        name: "First order VIP",
        is_active: true,
        trigger: { type: "order_placed", nth: 1 },
        conditions: { field: "email_domain", op: "in", values: ["vip.automations.example"] },
        steps: [{ type: "add_to_group", customer_group_id: group.id }],
      })
      const vip = await consenting("first@vip.automations.example")
      const other = await consenting("first@plain.automations.example")
      await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [vip.id, other.id] } })
      for (const shopper of [vip, other]) {
        await checkoutOverHttp(api, report.store, shopper, {
          region: "taiwan",
          sales_channel: report.store.salesChannelByCase.pharmacy,
          items: [{ sku: "PH-FIN-28", quantity: 1 }],
        })
      }
      const [journey] = await eventually(
        () => journeysOf(automation.id, vip.id),
        (j) => j.length === 1
      )
      expect(journey).toMatchObject({ status: "active", entry_key: expect.stringMatching(/^order:/) })
      expect(await journeysOf(automation.id, other.id)).toHaveLength(0)
      await run(new Date())
      const [member] = await container.resolve(Modules.CUSTOMER).listCustomers({ id: [vip.id], groups: { id: [group.id] } }, { select: ["id"] })
      expect(member?.id).toBe(vip.id)
      expect((await journeysOf(automation.id, vip.id))[0]).toMatchObject({ status: "completed" })
    })

    it("conditional split: each customer takes one branch, decided once when reached; an end stops its branch; the others meet again after it", async () => {
      const vip = await consenting("split@vip.split.example")
      const plain = await consenting("split@plain.split.example")
      await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [vip.id, plain.id] } })
      const { data } = await api.post(
        "/admin/segments",
        { name: "Split entry", definition: { field: "email_domain", op: "in", values: ["vip.split.example", "plain.split.example"] } },
        admin
      )
      const isVip = { field: "email_domain", op: "in", values: ["vip.split.example"] }
      const body = {
        name: "VIP split",
        is_active: true,
        trigger: { type: "segment_entered", segment_id: data.segment.id },
        steps: [
          { type: "wait", amount: 1, unit: "hours" },
          {
            type: "split",
            condition: isVip,
            yes: [{ type: "adjust_points", points: 200 }, { type: "send_email", template: "split-vip" }],
            no: [{ type: "wait", amount: 1, unit: "days" }, { type: "send_email", template: "split-regular" }, { type: "end" }],
          },
          { type: "send_email", template: "split-everyone" },
        ],
      }
      // Bad splits: the field is named down to the condition's own path; too deep is refused.
      const badCondition = await failure(api.post("/admin/automations", { ...body, steps: [{ ...body.steps[1], condition: { field: "email_domain", op: "nope" } }] }, admin))
      expect(badCondition.status).toBe(400)
      expect(badCondition.message).toContain("steps[0].condition")
      const nest = (depth: number): Record<string, unknown> => ({ type: "split", condition: isVip, yes: depth ? [nest(depth - 1)] : [{ type: "send_email", template: "deep" }] })
      const tooDeep = await failure(api.post("/admin/automations", { ...body, steps: [nest(3)] }, admin))
      expect(tooDeep.status).toBe(400)
      expect(tooDeep.message).toContain("nested at most 3 deep")
      const unknownGroup = await failure(
        api.post("/admin/automations", { ...body, steps: [{ type: "split", condition: isVip, no: [{ type: "add_to_group", customer_group_id: "cusgroup_missing" }] }] }, admin)
      )
      expect(unknownGroup.message).toContain('steps[0].no[0].customer_group_id: no customer group "cusgroup_missing"')

      const automation = await createAutomation(body)
      const { data: fetched } = await api.get(`/admin/automations/${automation.id}`, admin)
      expect(fetched.automation.program.map((p: { type: string; path: string }) => `${p.path}:${p.type}`)).toEqual([
        "steps[0]:wait",
        "steps[1]:split",
        "steps[1].yes[0]:adjust_points",
        "steps[1].yes[1]:send_email",
        "steps[1].yes.end:jump",
        "steps[1].no[0]:wait",
        "steps[1].no[1]:send_email",
        "steps[1].no[2]:end",
        "steps[2]:send_email",
      ])
      await enterSegmentAutomationsWorkflow(container).run({ input: { segment_id: data.segment.id, customer_ids: [vip.id, plain.id] } })
      const t0 = new Date()
      await run(t0)
      await run(new Date(t0.getTime() + HOUR))
      const [vipJourney] = await journeysOf(automation.id, vip.id)
      const [plainJourney] = await journeysOf(automation.id, plain.id)
      expect(vipJourney).toMatchObject({ status: "completed" })
      // The plain customer took "no" and waits in that branch...
      expect(plainJourney).toMatchObject({ status: "active", step_index: 5 })
      // ...and stays on it after their facts would now say yes: the branch was decided when reached.
      await container.resolve(Modules.CUSTOMER).updateCustomers(plain.id, { email: "now@vip.split.example" })
      await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [plain.id] } })
      await run(new Date(t0.getTime() + HOUR + DAY))
      const notifications = container.resolve(Modules.NOTIFICATION)
      const sentAt = async (journeyId: string, index: number) => (await notifications.listNotifications({ idempotency_key: `automation:${journeyId}:${index}` })).map((n) => n.template)
      expect(await sentAt(vipJourney.id, 3)).toEqual(["split-vip"])
      expect(await sentAt(vipJourney.id, 8)).toEqual(["split-everyone"])
      expect(await sentAt(plainJourney.id, 6)).toEqual(["split-regular"])
      expect(await sentAt(plainJourney.id, 8)).toEqual([])
      expect((await journeysOf(automation.id, plain.id))[0]).toMatchObject({ status: "completed" })
      const runsOf = async (journeyId: string) =>
        (await automations.listAutomationStepRuns({ journey_id: journeyId }, { order: { step_index: "ASC" } })).map((r) => [r.step_index, r.outcome, (r.detail as { branch?: string } | null)?.branch ?? null])
      expect(await runsOf(vipJourney.id)).toEqual([
        [0, "waited", null],
        [1, "done", "yes"],
        [2, "done", null],
        [3, "done", null],
        [8, "done", null],
      ])
      expect(await runsOf(plainJourney.id)).toEqual([
        [0, "waited", null],
        [1, "done", "no"],
        [5, "waited", null],
        [6, "done", null],
      ])
      const credited = await container.resolve("loyaltyPoints").listPointsTransactions({ customer_id: [vip.id, plain.id], type: "adjust" })
      expect(credited.map((t: { customer_id: string; points: number }) => [t.customer_id, t.points])).toEqual([[vip.id, 200]])
      const { data: r } = await api.get(`/admin/automations/${automation.id}/report`, admin)
      expect(r.report.steps.filter((s: { step_index: number }) => s.step_index === 1)).toEqual([
        { step_index: 1, path: "steps[1]", step_type: "split", outcome: "done", branch: "no", count: 1 },
        { step_index: 1, path: "steps[1]", step_type: "split", outcome: "done", branch: "yes", count: 1 },
      ])
    })

    it("segment entered: the entry event twice starts one journey; holdout members get no e-mail", async () => {
      const members = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => consenting(`member${i}@seg.automations.example`)))
      // Members must have their facts before the segment can take them in.
      const facts = container.resolve("customerFacts")
      await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: members.map((m) => m.id) } })
      expect(await facts.listCustomerFacts({ customer_id: members.map((m) => m.id) })).toHaveLength(members.length)
      const { data } = await api.post(
        "/admin/segments",
        { name: "Seg automations", definition: { field: "email_domain", op: "in", values: ["nobody.automations.example"] }, is_live: true },
        admin
      )
      const segmentId = data.segment.id as string
      const automation = await createAutomation({
        name: "Welcome to the segment",
        is_active: true,
        holdout_percent: 50,
        trigger: { type: "segment_entered", segment_id: segmentId },
        steps: [{ type: "issue_promotion", percentage: 10 }, { type: "send_email", template: "segment-welcome" }],
      })
      // The definition change refreshes the membership on the worker, which emits one entry per member.
      await api.post(`/admin/segments/${segmentId}`, { definition: { field: "email_domain", op: "in", values: ["seg.automations.example"] } }, admin)
      const journeys = await eventually(
        () => automations.listAutomationJourneys({ automation_id: automation.id }),
        (j) => j.length === members.length
      )
      expect(journeys).toHaveLength(members.length)
      await enterSegmentAutomationsWorkflow(container).run({ input: { segment_id: segmentId, customer_ids: members.map((m) => m.id) } })
      expect(await automations.listAutomationJourneys({ automation_id: automation.id })).toHaveLength(members.length)

      await run(new Date())
      const holdout = new Set(journeys.filter((j) => j.is_holdout).map((j) => j.customer_id))
      for (const m of members) {
        expect(await emailsTo(m.email, "segment-welcome")).toBe(holdout.has(m.id) ? 0 : 1)
      }
      const treated = journeys.find((j) => !j.is_holdout)
      if (treated) {
        const [n] = await container.resolve(Modules.NOTIFICATION).listNotifications({ idempotency_key: `automation:${treated.id}:1` })
        const code = String(n.data!.promotion_code)
        const [promotion] = await container.resolve(Modules.PROMOTION).listPromotions({ code })
        expect(promotion).toMatchObject({ limit: 1, is_automatic: false })
      }
      const { data: r } = await api.get(`/admin/automations/${automation.id}/report`, admin)
      expect(r.report.entered).toEqual({ total: members.length, treated: members.length - holdout.size, holdout: holdout.size })
      expect(r.report.messages.sent).toBe(members.length - holdout.size)
    })
  },
})
