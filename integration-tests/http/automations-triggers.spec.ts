import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { AUTOMATIONS_MODULE } from "../../src/modules/automations"
import type AutomationsModuleService from "../../src/modules/automations/service"
import { BROWSING_MODULE } from "../../src/modules/browsing"
import type BrowsingModuleService from "../../src/modules/browsing/service"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import { LoyaltyPointsEvents } from "../../src/modules/loyalty-points/events"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { SEGMENTS_MODULE } from "../../src/modules/segments"
import type SegmentsModuleService from "../../src/modules/segments/service"
import { exitSegmentAutomationsWorkflow } from "../../src/workflows/automations/exit-segment-automations"
import { runDueJourneysWorkflow } from "../../src/workflows/automations/run-due-journeys"
import { scanAnniversariesWorkflow } from "../../src/workflows/automations/scan-anniversaries"
import { scanPointsExpiringWorkflow } from "../../src/workflows/automations/scan-points-expiring"
import { scanViewedNotBoughtWorkflow } from "../../src/workflows/automations/scan-viewed-not-bought"
import { refreshCustomerFactsWorkflow } from "../../src/workflows/customer-facts/refresh-customer-facts"
import { rewardReferralForOrderWorkflow } from "../../src/workflows/loyalty-points/reward-referral-for-order"
import { adminHeaders } from "../helpers/auth"
import { eventually, failure } from "../helpers/requests"

jest.setTimeout(300_000)

const HOUR = 3_600_000
const DAY = 24 * HOUR
const steps = [{ type: "send_email", template: "trigger-test" }]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let automations: AutomationsModuleService
    let loyalty: LoyaltyPointsModuleService
    let admin: { headers: Record<string, string> }

    beforeAll(async () => {
      container = getContainer()
      automations = container.resolve(AUTOMATIONS_MODULE)
      loyalty = container.resolve(LOYALTY_POINTS_MODULE)
      admin = await adminHeaders(container, api)
    })

    const pg = () => container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const customer = async (email: string, metadata: Record<string, unknown> = {}) =>
      container.resolve(Modules.CUSTOMER).createCustomers({ email, first_name: "Pat", metadata: { marketing_consent: true, ...metadata } })
    const journeysOf = (automationId: string, customerId?: string) =>
      automations.listAutomationJourneys({ automation_id: automationId, ...(customerId ? { customer_id: customerId } : {}) })
    const createAutomation = async (body: Record<string, unknown>) => (await api.post("/admin/automations", { is_active: true, steps, ...body }, admin)).data.automation
    const bad = async (trigger: Record<string, unknown>) => failure(api.post("/admin/automations", { name: "x", trigger, steps }, admin))

    it("validates the new triggers' options with 400s naming the field", async () => {
      expect(await bad({ type: "segment_exited", segment_id: "seg_nope" })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.segment_id") })
      expect(await bad({ type: "tier_changed", direction: "sideways" })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.direction") })
      expect(await bad({ type: "tier_changed", tier_id: "lptier_nope" })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.tier_id") })
      expect(await bad({ type: "points_expiring", days: 0 })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.days") })
      expect(await bad({ type: "anniversary", date: "metadata" })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.metadata_key") })
      expect(await bad({ type: "anniversary", date: "metadata", metadata_key: "birth day" })).toMatchObject({
        status: 400,
        message: expect.stringContaining("trigger.metadata_key"),
      })
      expect(await bad({ type: "anniversary", date: "wedding" })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.date") })
      expect(await bad({ type: "viewed_not_bought", hours: 0 })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.hours") })
      expect(await bad({ type: "referral_converted", side: "both" })).toMatchObject({ status: 400, message: expect.stringContaining("trigger.side") })
      expect(await bad({ type: "referral_converted", extra: 1 })).toMatchObject({ status: 400, message: expect.stringContaining("trigger") })
    })

    it("segment exited: a customer who left enters once for the same exit twice; one back in the segment does not", async () => {
      const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
      const segment = await segments.createSegments({ name: "Regulars", definition: { field: "order_count", op: "gte", value: 3 } })
      const automation = await createAutomation({ name: "Left regulars", trigger: { type: "segment_exited", segment_id: segment.id } })
      const left = await customer("left@triggers.example")
      const back = await customer("back@triggers.example")
      await segments.createSegmentMemberships({ segment_id: segment.id, customer_id: back.id, entered_at: new Date() })
      const exit = () => exitSegmentAutomationsWorkflow(container).run({ input: { segment_id: segment.id, customer_ids: [left.id, back.id] } })
      expect((await exit()).result.started).toBe(1)
      expect((await exit()).result.started).toBe(0)
      expect(await journeysOf(automation.id, left.id)).toHaveLength(1)
      expect(await journeysOf(automation.id, back.id)).toHaveLength(0)
    })

    it("tier changed: the event (twice) starts one journey for a move up into the tier; a move down or a stale event starts none", async () => {
      const silver = await loyalty.createLoyaltyTiers({ name: "Silver", rank: 1, threshold: 100 })
      const gold = await loyalty.createLoyaltyTiers({ name: "Gold", rank: 2, threshold: 500 })
      const intoGold = await createAutomation({ name: "Welcome to gold", trigger: { type: "tier_changed", tier_id: gold.id, direction: "up" } })
      const anyDown = await createAutomation({ name: "Dropped a tier", trigger: { type: "tier_changed", direction: "down" } })
      const climber = await customer("climber@triggers.example")
      const faller = await customer("faller@triggers.example")
      const stale = await customer("stale@triggers.example")
      const now = new Date()
      await loyalty.createLoyaltyAccounts([
        { customer_id: climber.id, tier_id: gold.id, tier_changed_at: now },
        { customer_id: faller.id, tier_id: silver.id, tier_changed_at: now },
        { customer_id: stale.id, tier_id: silver.id, tier_changed_at: now },
      ])
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const changed = (customer_id: string, from_tier_id: string | null, to_tier_id: string | null) => ({
        name: LoyaltyPointsEvents.TIER_CHANGED,
        data: { customer_id, from_tier_id, to_tier_id },
      })
      // The stale one says gold, the account is in silver now.
      await eventBus.emit([
        changed(stale.id, silver.id, gold.id),
        changed(climber.id, silver.id, gold.id),
        changed(climber.id, silver.id, gold.id),
        changed(faller.id, gold.id, silver.id),
      ])
      await eventually(
        () => journeysOf(anyDown.id),
        (j) => j.length > 0
      )
      await eventually(
        () => journeysOf(intoGold.id),
        (j) => j.length > 0
      )
      expect(await journeysOf(intoGold.id)).toEqual([expect.objectContaining({ customer_id: climber.id })])
      expect(await journeysOf(anyDown.id)).toEqual([expect.objectContaining({ customer_id: faller.id })])
      expect((await journeysOf(intoGold.id))[0].context).toMatchObject({ from_tier_id: silver.id, to_tier_id: gold.id, direction: "up" })
    })

    it("points about to expire: fires once per expiry date, within the window only, and again for the next lot's date", async () => {
      const automation = await createAutomation({ name: "Points expiring", trigger: { type: "points_expiring", days: 7 }, reentry: "every_n_days", reentry_days: 1 })
      const soon = await customer("soon@triggers.example")
      const later = await customer("later@triggers.example")
      const now = new Date()
      const credit = (customer_id: string, key: string, points: number, expires_at: Date) =>
        loyalty.creditPoints({ customer_id, type: "adjust", occurred_at: new Date(now.getTime() - 30 * DAY), entries: [{ idempotency_key: key, points, expires_at }] })
      await credit(soon.id, "t-soon-1", 100, new Date(now.getTime() + 3 * DAY))
      await credit(soon.id, "t-soon-2", 50, new Date(now.getTime() + 9 * DAY))
      await credit(later.id, "t-later", 80, new Date(now.getTime() + 20 * DAY))
      const scan = async (at: Date) => (await scanPointsExpiringWorkflow(container).run({ input: { now: at } })).result
      expect((await scan(now)).started).toBe(1)
      expect((await scan(new Date(now.getTime() + HOUR))).started).toBe(0)
      const [journey] = await journeysOf(automation.id, soon.id)
      expect(journey.context).toMatchObject({ points: 100 })
      expect(await journeysOf(automation.id, later.id)).toHaveLength(0)
      // The journey is over (its e-mail step ran); 4 days on, the first lot has expired and the second is within 7 days.
      await runDueJourneysWorkflow(container).run({ input: { now } })
      expect((await scan(new Date(now.getTime() + 4 * DAY))).started).toBe(1)
      expect((await journeysOf(automation.id, soon.id)).map((j) => j.context?.points).sort()).toEqual([100, 50].sort())
    })

    it("birthday: a metadata date enters on its day once a year, and gets its e-mail; sign-up anniversaries from an earlier year only", async () => {
      const today = new Date()
      const ymd = (years: number) => `${today.getUTCFullYear() - years}${today.toISOString().slice(4, 10)}`
      const birthday = await createAutomation({ name: "Birthday", trigger: { type: "anniversary", date: "metadata", metadata_key: "birthday" } })
      const signup = await createAutomation({ name: "Anniversary", trigger: { type: "anniversary", date: "signup" } })
      const born = await customer("born@triggers.example", { birthday: ymd(30) })
      const otherDay = await customer("other-day@triggers.example", { birthday: new Date(today.getTime() + 40 * DAY).toISOString().slice(0, 10).replace(/^\d{4}/, "1990") })
      const malformed = await customer("malformed@triggers.example", { birthday: "30 years ago" })
      const veteran = await customer("veteran@triggers.example")
      await pg()("customer")
        .where({ id: veteran.id })
        .update({ created_at: new Date(Date.UTC(today.getUTCFullYear() - 2, today.getUTCMonth(), today.getUTCDate(), 9)) })
      const scan = async (at: Date) => (await scanAnniversariesWorkflow(container).run({ input: { now: at } })).result
      await scan(today)
      await scan(new Date(today.getTime() + 60_000))
      expect(await journeysOf(birthday.id, born.id)).toHaveLength(1)
      expect((await journeysOf(birthday.id, born.id))[0].context).toMatchObject({ years: 30 })
      expect(await journeysOf(birthday.id, otherDay.id)).toHaveLength(0)
      expect(await journeysOf(birthday.id, malformed.id)).toHaveLength(0)
      expect((await journeysOf(signup.id)).map((j) => j.customer_id)).toEqual([veteran.id])
      // The customers created today have no anniversary yet.
      expect(await journeysOf(signup.id, born.id)).toHaveLength(0)

      // The e-mail step reads consent from the customer facts.
      await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: [born.id] } })
      await runDueJourneysWorkflow(container).run({ input: { now: today } })
      const sent = await container.resolve(Modules.NOTIFICATION).listNotifications({ to: born.email!, template: "trigger-test" })
      expect(sent).toHaveLength(1)
    })

    it("viewed but not bought: a logged-in view older than the hours enters once per customer x product x day; a bought product or a fresh view does not", async () => {
      const browsing = container.resolve<BrowsingModuleService>(BROWSING_MODULE)
      const automation = await createAutomation({ name: "Viewed", trigger: { type: "viewed_not_bought", hours: 6 } })
      const browser = await customer("browser@triggers.example")
      const buyer = await customer("viewer-buyer@triggers.example")
      const fresh = await customer("fresh-viewer@triggers.example")
      const now = new Date()
      const viewed = new Date(now.getTime() - 8 * HOUR)
      await browsing.recordActivity({ visitor: { customer_id: browser.id }, type: "product_viewed", product_id: "prod_lamp", at: viewed })
      await browsing.recordActivity({ visitor: { customer_id: browser.id }, type: "product_viewed", product_id: "prod_desk", at: viewed })
      await browsing.recordActivity({ visitor: { customer_id: buyer.id }, type: "product_viewed", product_id: "prod_lamp", at: viewed })
      await browsing.recordActivity({ visitor: { customer_id: fresh.id }, type: "product_viewed", product_id: "prod_lamp", at: new Date(now.getTime() - HOUR) })
      await pg()("purchase_fact").insert({
        id: "pfact_triggers_buyer",
        source: "medusa",
        order_key: "order_triggers_buyer",
        line_key: "ordli_triggers_buyer",
        customer_id: buyer.id,
        placed_at: new Date(viewed.getTime() + HOUR),
        currency_code: "usd",
        product_id: "prod_lamp",
        quantity: 1,
        net_quantity: 1,
        unit_amount: 10,
        raw_unit_amount: JSON.stringify({ value: "10", precision: 20 }),
        net_amount: 10,
        raw_net_amount: JSON.stringify({ value: "10", precision: 20 }),
      })
      const scan = async (at: Date) => (await scanViewedNotBoughtWorkflow(container).run({ input: { now: at } })).result
      expect((await scan(now)).scanned).toBe(2)
      await scan(new Date(now.getTime() + HOUR))
      const journeys = await journeysOf(automation.id, browser.id)
      // One journey at a time per customer: the second product waits for the first journey to end.
      expect(journeys).toHaveLength(1)
      expect(["prod_lamp", "prod_desk"]).toContain(journeys[0].context?.product_id)
      expect(journeys[0].entry_key).toMatch(new RegExp(`^viewed:${browser.id}:prod_(lamp|desk):${viewed.toISOString().slice(0, 10)}$`))
      expect(await journeysOf(automation.id, buyer.id)).toHaveLength(0)
      expect(await journeysOf(automation.id, fresh.id)).toHaveLength(0)
      // Re-entry "once": the other product does not start a second journey for this customer, ever.
      await runDueJourneysWorkflow(container).run({ input: { now } })
      await scan(new Date(now.getTime() + 2 * HOUR))
      expect(await journeysOf(automation.id, browser.id)).toHaveLength(1)
    })

    it("referral converted: the referee's first order emits loyalty.referral_converted and the referrer enters once", async () => {
      const automation = await createAutomation({ name: "Thanks for the referral", trigger: { type: "referral_converted" } })
      const refereeSide = await createAutomation({ name: "Welcome, referee", trigger: { type: "referral_converted", side: "referee" } })
      const referrer = await customer("referrer@triggers.example")
      const referee = await customer("referee@triggers.example")
      const code = await loyalty.referralCodeFor(referrer.id)
      await loyalty.registerReferral({ referee_customer_id: referee.id, code, has_orders: false })
      const order = await container.resolve(Modules.ORDER).createOrders({ currency_code: "usd", customer_id: referee.id, email: referee.email })
      await rewardReferralForOrderWorkflow(container).run({ input: { order_id: order.id } })
      await rewardReferralForOrderWorkflow(container).run({ input: { order_id: order.id } })
      const [journey] = await eventually(
        () => journeysOf(automation.id),
        (j) => j.length > 0
      )
      expect(journey).toMatchObject({ customer_id: referrer.id, context: expect.objectContaining({ order_id: order.id, side: "referrer" }) })
      const [welcome] = await eventually(
        () => journeysOf(refereeSide.id),
        (j) => j.length > 0
      )
      expect(welcome.customer_id).toBe(referee.id)
      expect(await journeysOf(automation.id)).toHaveLength(1)
    })
  },
})
