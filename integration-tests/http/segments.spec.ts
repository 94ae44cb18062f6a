import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { SegmentEvents } from "../../src/modules/segments/events"
import { DEMO_REGIONS } from "../../src/scripts/demo-data/catalog"
import { planCase, type PlannedCustomer } from "../../src/scripts/demo-data/plan"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import type { SeedOptions } from "../../src/scripts/demo-data/seed-options"
import { adminHeaders, customerHeaders } from "../helpers/auth"
import { eventually, failure, sleep } from "../helpers/requests"
import { checkoutOverHttp, registerShopper, SHOPPER_PASSWORD } from "../helpers/store-checkout"
import { refreshCustomerFactsWorkflow } from "../../src/workflows/customer-facts/refresh-customer-facts"

jest.setTimeout(300_000)

const DAY = 86_400_000
const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z")
const options: SeedOptions = { cases: ["pharmacy", "software", "electronics"], customers: 60, seed: 11, anchor: today }

/** Every planned customer of a case, the demo shopper included with the pharmacy. */
function planned(demoCase: "pharmacy" | "software" | "electronics"): PlannedCustomer[] {
  const all = [...planCase(demoCase, options.customers!, options)]
  return demoCase === "pharmacy" ? [...all, ...planCase("pharmacy", 1, options, 1_000_003)] : all
}

const linesOf = (c: PlannedCustomer) => c.orders.flatMap((o) => o.lines)

/** When a patient's boxes run out at 28 days a box; buying early extends the cover. */
function runsOut(c: PlannedCustomer): number | null {
  let end: number | null = null
  for (const order of [...c.orders].sort((a, b) => a.placed_at.getTime() - b.placed_at.getTime())) {
    const boxes = order.lines.filter((l) => l.sku === "PH-FIN-28").reduce((s, l) => s + l.quantity, 0)
    if (boxes) end = Math.max(order.placed_at.getTime(), end ?? 0) + boxes * 28 * DAY
  }
  return end
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let report: SeedReport
    let headers: { headers: Record<string, string> }
    const membershipEvents: { name: string; segment_id: string; customer_id: string }[] = []

    const preview = async (definition: unknown) => (await api.post("/admin/segments/preview", { definition, sample_size: 100 }, headers)).data
    const segmentOf = async (id: string) => (await api.get(`/admin/segments/${id}`, headers)).data.segment
    const refreshed = (id: string) => eventually(() => segmentOf(id), (s) => !s.refreshing, 30_000)

    beforeAll(async () => {
      container = getContainer()
      const eventBus = container.resolve(Modules.EVENT_BUS)
      for (const name of [SegmentEvents.CUSTOMER_ENTERED, SegmentEvents.CUSTOMER_EXITED]) {
        eventBus.subscribe(name, async ({ data }: { data: { segment_id: string; customer_id: string } }) => {
          membershipEvents.push({ name, ...data })
        })
      }
      report = await seedDemoStore(container, options)
      headers = await adminHeaders(container, api)
    })

    it("answers the software vendor: in Europe except France, bought the English 2.0, not 3.0", async () => {
      const pf3 = report.store.variantBySku["SW-PF3-EN"].product_id
      const europe = DEMO_REGIONS.find((r) => r.key === "europe")!.countries
      const expected = planned("software").filter(
        (c) =>
          europe.includes(c.country_code) &&
          c.country_code !== "fr" &&
          linesOf(c).some((l) => l.sku === "SW-PF2-EN") &&
          !linesOf(c).some((l) => l.sku.startsWith("SW-PF3-"))
      )
      expect(expected.length).toBeGreaterThan(0)
      const result = await preview({
        and: [
          { field: "country", op: "in", values: ["EUROPE"] },
          { field: "country", op: "not_in", values: ["fr"] },
          { field: "purchased", op: "bought", skus: ["SW-PF2-EN"] },
          { field: "purchased", op: "not_bought", product_ids: [pf3] },
        ],
      })
      expect(result.count).toBe(expected.length)
      expect(result.sample.map((c: { email: string }) => c.email).sort()).toEqual(expected.map((c) => c.email.toLowerCase()).sort())
    })

    it("answers the pharmacy: whose boxes run out in the next 7 days, and who bought 3 or more boxes", async () => {
      const now = Date.now()
      const pharmacy = planned("pharmacy")
      const dueSoon = pharmacy.filter((c) => {
        const end = runsOut(c)
        return end !== null && end >= now && end < now + 7 * DAY
      })
      const runningOut = await preview({ field: "supply_runs_out", skus: ["PH-FIN-28"], days_per_unit: 28, op: "within_next", amount: 7, unit: "days" })
      expect(runningOut.count).toBe(dueSoon.length)
      expect(dueSoon.length).toBeGreaterThan(0)

      const threePlus = pharmacy.filter((c) => linesOf(c).filter((l) => l.sku === "PH-FIN-28").reduce((s, l) => s + l.quantity, 0) >= 3)
      const result = await preview({ field: "purchased", op: "bought", skus: ["PH-FIN-28"], min_quantity: 3 })
      expect(result.count).toBe(threePlus.length)
    })

    it("answers the electronics retailer: no co-branded card, bought twice or more in 12 months", async () => {
      const since = new Date()
      since.setUTCMonth(since.getUTCMonth() - 12)
      // The demo store hosts all three cases in one: everyone without the card counts.
      const everyone = [...planned("pharmacy"), ...planned("software"), ...planned("electronics")]
      const expected = everyone.filter((c) => c.metadata.co_branded_card !== true && c.orders.filter((o) => o.placed_at >= since).length >= 2)
      expect(expected.some((c) => c.case === "electronics")).toBe(true)
      const result = await preview({
        and: [
          { field: "metadata", key: "co_branded_card", op: "neq", value: true },
          { field: "order_count", op: "gte", value: 2, window: { within_last: { amount: 12, unit: "months" } } },
        ],
      })
      expect(result.count).toBe(expected.length)
      // NOT of the whole tree is everyone else: the two always add up.
      const [{ total }] = await container.resolve(ContainerRegistrationKeys.PG_CONNECTION)("customer_fact").count("* as total")
      const negated = await preview({
        not: {
          and: [
            { field: "metadata", key: "co_branded_card", op: "neq", value: true },
            { field: "order_count", op: "gte", value: 2, window: { within_last: { amount: 12, unit: "months" } } },
          ],
        },
      })
      expect(negated.count + result.count).toBe(Number(total))
    })

    it("NOT over nullable fields: a customer without a country or city is outside `in` and inside its NOT, at any depth and through a segment reference", async () => {
      const nowhere = await Promise.all(["no-country-1@segments.example", "no-country-2@segments.example"].map((email) => registerShopper(container, email)))
      await refreshCustomerFactsWorkflow(container).run({ input: { customer_ids: nowhere.map((c) => c.id) } })
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const europe = DEMO_REGIONS.find((r) => r.key === "europe")!.countries
      const countWhere = async (where: string, bindings: unknown[] = []) =>
        Number((await pg.raw(`select count(*)::int as n from customer_fact where ${where}`, bindings as string[])).rows[0].n)
      const total = await countWhere("true")
      const inEurope = await countWhere("country_code = any(?)", [europe])
      const withoutCountry = await countWhere("country_code is null")
      expect(withoutCountry).toBeGreaterThanOrEqual(2)
      expect(inEurope).toBeGreaterThan(0)
      const isEurope = { field: "country", op: "in", values: ["EUROPE"] }
      expect((await preview(isEurope)).count).toBe(inEurope)
      expect((await preview({ not: isEurope })).count).toBe(total - inEurope)
      expect((await preview({ field: "country", op: "not_in", values: ["EUROPE"] })).count).toBe(total - inEurope)
      expect((await preview({ not: { not: isEurope } })).count).toBe(inEurope)
      expect((await preview({ not: { or: [isEurope, { field: "city", op: "in", values: ["Nowhere-on-Sea"] }] } })).count).toBe(total - inEurope)
      expect((await preview({ and: [{ not: isEurope }, { field: "email_domain", op: "in", values: ["segments.example"] }] })).count).toBe(2)
      const { data } = await api.post("/admin/segments", { name: "Europeans (for a NOT)", definition: isEurope }, headers)
      expect((await preview({ field: "segment", op: "not_member", segment_id: data.segment.id })).count).toBe(total - inEurope)
      expect((await preview({ not: { field: "segment", op: "not_member", segment_id: data.segment.id } })).count).toBe(inEurope)
    })

    it("rejects invalid trees with 400 naming the path of the bad node", async () => {
      const bad = (definition: unknown) => failure(api.post("/admin/segments/preview", { definition }, headers))
      expect(await bad({ and: [{ field: "country", op: "in", values: ["EUROPE"] }, { or: [{ field: "order_count", op: "gte", value: "two" }] }] })).toMatchObject({
        status: 400,
        message: expect.stringContaining("definition.and[1].or[0].value"),
      })
      expect(await bad({ and: [] })).toMatchObject({ status: 400, message: expect.stringContaining("definition.and") })
      // Every bad node in one answer, not only the first three.
      const many = await bad({ and: [1, 2, 3, 4, 5].map((n) => ({ field: "order_count", op: "gte", value: `n${n}` })) })
      for (const n of [0, 1, 2, 3, 4]) expect(many.message).toContain(`definition.and[${n}].value`)
      const nested = await bad({ and: [{ field: "has_account", value: true }, { or: [{ field: "purchased", op: "bought", tag_ids: ["ptag_nope"] }] }] })
      expect(nested.message).toContain('definition.and[1].or[0].tag_ids: no product tag "ptag_nope"')
      expect(await bad({ not: { field: "shoe_size", op: "eq", value: 42 } })).toMatchObject({
        status: 400,
        message: expect.stringContaining("definition.not.field: unknown field"),
      })
      expect(await bad({ field: "last_order_at", op: "within_last", amount: 30 })).toMatchObject({
        status: 400,
        message: expect.stringContaining("definition.unit"),
      })
      expect(await bad({ field: "purchased", op: "bought" })).toMatchObject({ status: 400, message: expect.stringContaining("must name what was bought") })
      expect(await bad({ field: "country", op: "in", values: ["Atlantis"] })).toMatchObject({
        status: 400,
        message: expect.stringContaining("definition.values[0]"),
      })
      expect(await bad({ field: "purchased", op: "bought", category_ids: ["pcat_nope"] })).toMatchObject({
        status: 400,
        message: expect.stringContaining('definition.category_ids: no product category "pcat_nope"'),
      })
      expect(await bad(undefined)).toMatchObject({ status: 400, message: expect.stringContaining("definition") })
      const noName = await failure(api.post("/admin/segments", { definition: { field: "has_account", value: true } }, headers))
      expect(noName).toMatchObject({ status: 400, message: expect.stringContaining("name") })
    })

    it("keeps a saved segment's members and its customer group, explains them, exports them, and refuses cycles", async () => {
      const definition = { field: "purchased", op: "bought", skus: ["PH-FIN-28"], min_quantity: 3 }
      const { data } = await api.post("/admin/segments", { name: "Three boxes or more", definition, create_customer_group: true }, headers)
      const segment = await refreshed(data.segment.id)
      const expected = (await preview(definition)).count
      expect(segment.member_count).toBe(expected)
      expect(segment.customer_group_id).toEqual(expect.any(String))
      const customers = container.resolve(Modules.CUSTOMER)
      const [, inGroup] = await customers.listAndCountCustomers({ groups: { id: [segment.customer_group_id] } })
      expect(inGroup).toBe(expected)
      expect(membershipEvents.filter((e) => e.segment_id === segment.id && e.name === SegmentEvents.CUSTOMER_ENTERED)).toHaveLength(expected)

      const { data: page } = await api.get(`/admin/segments/${segment.id}/members?limit=5`, headers)
      const member = page.members[0]
      const { data: why } = await api.get(`/admin/segments/${segment.id}/explain?customer_id=${member.customer_id}`, headers)
      expect(why.explanation).toMatchObject({ member: true, stored_member: true, has_facts: true, tree: { kind: "purchased", result: true } })
      expect(Number(why.explanation.tree.value)).toBeGreaterThanOrEqual(3)
      const { data: byId } = await api.get(`/admin/segments?id=${segment.id}`, headers)
      expect(byId.segments.map((s: { id: string }) => s.id)).toEqual([segment.id])
      const { data: mine } = await api.get(`/admin/segments/customers/${member.customer_id}`, headers)
      expect(mine.segments.map((s: { id: string }) => s.id)).toContain(segment.id)

      const csv = await api.get(`/admin/segments/${segment.id}/members/export.csv`, headers)
      const lines = (csv.data as string).trim().split(/\r?\n/)
      expect(lines[0]).toContain("customer_id,email")
      expect(lines).toHaveLength(expected + 1)

      // A segment built on this one; the first may then not refer back to the second.
      const { data: nested } = await api.post(
        "/admin/segments",
        { name: "Three boxes, Taipei", definition: { and: [{ field: "segment", op: "member", segment_id: segment.id }, { field: "city", op: "in", values: ["Taipei"] }] } },
        headers
      )
      const cycle = await failure(api.post(`/admin/segments/${segment.id}`, { definition: { field: "segment", op: "member", segment_id: nested.segment.id } }, headers))
      expect(cycle).toMatchObject({ status: 400, message: expect.stringContaining("refers back to itself") })
      const inUse = await failure(api.delete(`/admin/segments/${segment.id}`, headers))
      expect(inUse.message).toContain("is used by segment")
      const selfGroup = await failure(
        api.post(`/admin/segments/${segment.id}`, { definition: { field: "customer_group", op: "in_none", group_ids: [segment.customer_group_id] } }, headers)
      )
      expect(selfGroup).toMatchObject({ status: 400, message: expect.stringContaining("customer_group_id") })
    })

    it("an order placed over HTTP brings the customer into a live segment within seconds, once, and a cancel takes them out", async () => {
      const { data } = await api.post(
        "/admin/segments",
        {
          name: "Bought minoxidil this month",
          definition: { field: "purchased", op: "bought", skus: ["PH-MIN-60"], window: { within_last: { amount: 30, unit: "days" } } },
          create_customer_group: true,
          store_visible: true,
        },
        headers
      )
      const segment = await refreshed(data.segment.id)
      const shopper = await registerShopper(container, "fresh@segments.example")
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await eventually(() => pg("customer_fact").where({ customer_id: shopper.id }).first(), (f) => !!f)
      const started = Date.now()
      const orderId = await checkoutOverHttp(api, report.store, shopper, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-MIN-60", quantity: 1 }],
      })
      const entered = () => membershipEvents.filter((e) => e.segment_id === segment.id && e.customer_id === shopper.id && e.name === SegmentEvents.CUSTOMER_ENTERED)
      await eventually(async () => entered().length, (n) => n === 1, 20_000)
      expect(Date.now() - started).toBeLessThan(20_000)
      expect((await segmentOf(segment.id)).member_count).toBe(segment.member_count + 1)
      const customers = container.resolve(Modules.CUSTOMER)
      const [inGroup] = await customers.listCustomers({ id: shopper.id, groups: { id: [segment.customer_group_id] } })
      expect(inGroup?.id).toBe(shopper.id)
      const storeHeaders = await customerHeaders(api, shopper.email, SHOPPER_PASSWORD, report.store.publishableKey)
      expect((await api.get("/store/segments/me", storeHeaders)).data.segments.map((s: { id: string }) => s.id)).toEqual([segment.id])

      // The same event three more times: no second entry.
      const eventBus = container.resolve(Modules.EVENT_BUS)
      for (let i = 0; i < 3; i++) {
        await eventBus.emit({ name: OrderWorkflowEvents.PLACED, data: { id: orderId } })
      }
      await sleep(3000)
      expect(entered()).toHaveLength(1)

      await api.post(`/admin/orders/${orderId}/cancel`, {}, headers)
      const exited = () => membershipEvents.filter((e) => e.segment_id === segment.id && e.customer_id === shopper.id && e.name === SegmentEvents.CUSTOMER_EXITED)
      await eventually(async () => exited().length, (n) => n === 1, 20_000)
      expect(exited()).toHaveLength(1)
      expect(await customers.listCustomers({ id: shopper.id, groups: { id: [segment.customer_group_id] } })).toHaveLength(0)
    })

    it("prices a customer in two segment groups with the lower of the two groups' price lists", async () => {
      const shopper = await registerShopper(container, "two-groups@segments.example")
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await eventually(() => pg("customer_fact").where({ customer_id: shopper.id }).first(), (f) => !!f)
      const groups: string[] = []
      for (const [name, amount] of [["Loyal patients", 1100], ["Refill club", 1000]] as const) {
        const { data } = await api.post("/admin/segments", { name, definition: { field: "email_domain", op: "in", values: ["segments.example"] }, create_customer_group: true }, headers)
        const segment = await refreshed(data.segment.id)
        groups.push(segment.customer_group_id)
        await api.post(
          "/admin/price-lists",
          {
            title: name,
            description: name,
            type: "override",
            status: "active",
            rules: { "customer.groups.id": [segment.customer_group_id] },
            prices: [{ variant_id: report.store.variantBySku["PH-FIN-28"].id, currency_code: "twd", amount }],
          },
          headers
        )
      }
      const customers = container.resolve(Modules.CUSTOMER)
      for (const group of groups) {
        expect(await customers.listCustomers({ id: shopper.id, groups: { id: [group] } })).toHaveLength(1)
      }
      const storeHeaders = await customerHeaders(api, shopper.email, SHOPPER_PASSWORD, report.store.publishableKey)
      const productId = report.store.variantBySku["PH-FIN-28"].product_id
      const { data } = await api.get(
        `/store/products/${productId}?region_id=${report.store.regionByKey.taiwan.id}&fields=*variants.calculated_price`,
        storeHeaders
      )
      expect(data.product.variants[0].calculated_price.calculated_amount).toBe(1000)
    })
  },
})
