import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BROWSING_MODULE } from "../../src/modules/browsing"
import type BrowsingModuleService from "../../src/modules/browsing/service"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import { purgeBrowsingActivityWorkflow } from "../../src/workflows/browsing/purge-browsing-activity"
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
    let browsing: BrowsingModuleService
    let admin: { headers: Record<string, string> }
    let productId: string
    let otherProductId: string
    let anonymous: { headers: Record<string, string> }

    beforeAll(async () => {
      container = getContainer()
      report = await seedDemoStore(container, { cases: ["pharmacy"], customers: 5, seed: 3, anchor: today })
      browsing = container.resolve(BROWSING_MODULE)
      admin = await adminHeaders(container, api)
      productId = report.store.variantBySku["PH-FIN-28"].product_id
      otherProductId = Object.values(report.store.variantBySku).find((v) => v.product_id !== productId)!.product_id
      anonymous = { headers: { "x-publishable-api-key": report.store.publishableKey } }
    })

    /** A logged-in shopper's store headers, after recording their tracking choice (none: never asked). */
    async function shopper(email: string, tracking?: boolean) {
      const customer = await registerShopper(container, email)
      const headers = await customerHeaders(api, email, SHOPPER_PASSWORD, report.store.publishableKey)
      if (tracking !== undefined) await api.post("/store/marketing-consent", { tracking }, headers)
      return { ...customer, headers }
    }

    const rowsOf = (visitorKey: string) => browsing.listBrowsingActivities({ visitor_key: visitorKey })

    it("without tracking consent answers 204 and stores nothing, for customers and anonymous visitors", async () => {
      const never = await shopper("never@browsing.example")
      const declined = await shopper("declined@browsing.example", false)
      for (const who of [never, declined]) {
        const res = await api.post("/store/browsing-events", { type: "product_viewed", product_id: productId }, who.headers)
        expect(res.status).toBe(204)
        expect(await rowsOf(who.id)).toHaveLength(0)
      }
      const res = await api.post("/store/browsing-events", { type: "product_viewed", product_id: productId, anonymous_id: "anon-no-consent-1" }, anonymous)
      expect(res.status).toBe(204)
      expect(await rowsOf("anon:anon-no-consent-1")).toHaveLength(0)
      expect(await browsing.listBrowsingRateWindows({})).toHaveLength(0)
    })

    it("names the bad field in a 400", async () => {
      const bad = async (body: unknown) => failure(api.post("/store/browsing-events", body, anonymous))
      expect(await bad({ type: "clicked", product_id: productId, anonymous_id: "anon-bad-0001" })).toMatchObject({ status: 400, message: expect.stringContaining("type") })
      expect(await bad({ type: "product_viewed", anonymous_id: "anon-bad-0001" })).toMatchObject({ status: 400, message: expect.stringContaining("product_id") })
      expect(await bad({ type: "product_viewed", product_id: productId, tracking_consent: true })).toMatchObject({
        status: 400,
        message: expect.stringContaining("anonymous_id"),
      })
      expect(await bad({ type: "product_viewed", product_id: "prod_nope", anonymous_id: "anon-bad-0001", tracking_consent: true })).toMatchObject({
        status: 400,
        message: expect.stringContaining("product_id"),
      })
    })

    it("with consent keeps one row per product and day with counts, and merges the anonymous id into the customer at login", async () => {
      const anonymousId = "anon-merge-0001"
      for (const type of ["product_viewed", "product_viewed", "added_to_cart"]) {
        const res = await api.post("/store/browsing-events", { type, product_id: productId, anonymous_id: anonymousId, tracking_consent: true }, anonymous)
        expect(res.status).toBe(202)
      }
      expect(await rowsOf(`anon:${anonymousId}`)).toMatchObject([{ product_id: productId, view_count: 2, cart_add_count: 1, customer_id: null }])

      const fan = await shopper("fan@browsing.example", true)
      await api.post("/store/browsing-events", { type: "product_viewed", product_id: productId }, fan.headers)
      // The first call that carries both the customer and the anonymous id merges the two.
      await api.post("/store/browsing-events", { type: "product_viewed", product_id: productId, anonymous_id: anonymousId }, fan.headers)
      expect(await rowsOf(`anon:${anonymousId}`)).toHaveLength(0)
      const rows = await rowsOf(fan.id)
      expect(rows).toMatchObject([{ customer_id: fan.id, product_id: productId, view_count: 4, cart_add_count: 1 }])
      expect(new Date(rows[0].activity_date).getTime()).toBe(today.getTime())
      // A replay of the merge moves nothing more.
      await api.post("/store/browsing-events", { type: "added_to_cart", product_id: productId, anonymous_id: anonymousId }, fan.headers)
      expect(await rowsOf(fan.id)).toMatchObject([{ view_count: 4, cart_add_count: 2 }])

      // A customer without consent who logs in with a consented anonymous id: the anonymous rows are deleted.
      await api.post("/store/browsing-events", { type: "product_viewed", product_id: productId, anonymous_id: "anon-forget-01", tracking_consent: true }, anonymous)
      const shy = await shopper("shy@browsing.example", false)
      expect((await api.post("/store/browsing-events", { type: "product_viewed", product_id: productId, anonymous_id: "anon-forget-01" }, shy.headers)).status).toBe(204)
      expect(await rowsOf("anon:anon-forget-01")).toHaveLength(0)
      expect(await rowsOf(shy.id)).toHaveLength(0)
    })

    it("refuses a visitor's events over the rate limit with 429 and stores none of them", async () => {
      const { maxEvents } = browsing.getBrowsingOptions().rateLimit
      const body = { type: "product_viewed", product_id: otherProductId, anonymous_id: "anon-flood-001", tracking_consent: true }
      const statuses: number[] = []
      for (let i = 0; i < maxEvents + 5; i += 25) {
        const batch = Array.from({ length: Math.min(25, maxEvents + 5 - i) }, () =>
          api.post("/store/browsing-events", body, anonymous).then((r) => r.status, (e) => e.response?.status)
        )
        statuses.push(...(await Promise.all(batch)))
      }
      const stored = statuses.filter((s) => s === 202).length
      // A window boundary during the burst may let a second window's worth through; never more.
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0)
      const [row] = await rowsOf("anon:anon-flood-001")
      expect(row.view_count).toBe(stored)
      expect(stored).toBeLessThanOrEqual(maxEvents * 2)
    })

    it("feeds the viewed-but-not-bought segment condition, in the window, and purges after the retention", async () => {
      const browser = await shopper("browser@browsing.example", true)
      const buyer = await shopper("buyer@browsing.example", true)
      const lapsed = await shopper("lapsed@browsing.example", true)
      for (const who of [browser, buyer, lapsed]) {
        expect((await api.post("/store/browsing-events", { type: "product_viewed", product_id: productId }, who.headers)).status).toBe(202)
      }
      await checkoutOverHttp(api, report.store, buyer, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 1 }],
      })
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg("browsing_activity").where({ visitor_key: lapsed.id }).update({ activity_date: new Date(today.getTime() - 10 * DAY) })

      const preview = async (definition: unknown) =>
        (await api.post("/admin/segments/preview", { definition, sample_size: 100 }, admin)).data as { count: number; sample: { customer_id: string }[] }
      const ids = (p: { sample: { customer_id: string }[] }) => p.sample.map((s) => s.customer_id).sort()
      const viewedNotBought = { field: "viewed_product", op: "viewed", product_ids: [productId], window: { within_last: { amount: 7, unit: "days" } }, not_bought: true }
      const result = await eventually(
        () => preview(viewedNotBought),
        (p) => !ids(p).includes(buyer.id)
      )
      expect(ids(result)).toEqual([browser.id])
      const viewed = await preview({ ...viewedNotBought, not_bought: undefined })
      expect(ids(viewed)).toEqual(expect.arrayContaining([browser.id, buyer.id]))
      expect(ids(viewed)).not.toContain(lapsed.id)
      const longer = await preview({ ...viewedNotBought, window: { within_last: { amount: 14, unit: "days" } } })
      expect(ids(longer)).toEqual([browser.id, lapsed.id].sort())
      const explained = (await api.post("/admin/segments/explain", { definition: viewedNotBought, customer_id: browser.id }, admin)).data
      expect(explained.explanation).toMatchObject({ member: true })
      expect((await failure(api.post("/admin/segments/preview", { definition: { field: "viewed_product", op: "viewed" } }, admin))).message).toContain("window")

      const retention = browsing.getBrowsingOptions().retentionDays
      await pg("browsing_activity").where({ visitor_key: lapsed.id }).update({ activity_date: new Date(today.getTime() - (retention + 1) * DAY) })
      const { result: purged } = await purgeBrowsingActivityWorkflow(container).run({ input: {} })
      expect(purged.activity).toBe(1)
      expect(await rowsOf(lapsed.id)).toHaveLength(0)
      expect(await rowsOf(browser.id)).toHaveLength(1)
    })
  },
})
