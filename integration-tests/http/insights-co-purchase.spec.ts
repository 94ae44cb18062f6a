import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { adminHeaders } from "../helpers/auth"
import { createElectronicsProducts, DAY, electronicsStore, expectedOrderMeasures, writeFacts, type ElectronicsProducts, type GeneratedStore } from "../helpers/insights-fixtures"
import { failure } from "../helpers/requests"

jest.setTimeout(600_000)

const now = new Date()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbUtils }) => {
    let container: MedusaContainer
    let admin: { headers: Record<string, string> }
    let products: ElectronicsProducts
    let store: GeneratedStore
    let publishable: { headers: Record<string, string> }

    beforeAll(async () => {
      container = getContainer()
      admin = await adminHeaders(container, api)
      products = await createElectronicsProducts(container)
      store = electronicsStore(products, { customers: 400, seed: 7, now })
      await writeFacts(container, store)
      const { data } = await api.post("/admin/api-keys", { title: "insights store", type: "publishable" }, admin)
      publishable = { headers: { "x-publishable-api-key": data.api_key.token } }
      await dbUtils.snapshot()
    })

    it("refuses bad input with a 400 naming the field", async () => {
      const cases: [string, string][] = [
        ["/admin/insights/co-purchases", "product_id"],
        [`/admin/insights/co-purchases?product_id=${products.tv}&sku=X`, "product_id"],
        [`/admin/insights/co-purchases?product_id=${products.tv}&scope=basket`, "scope"],
        [`/admin/insights/co-purchases?product_id=${products.tv}&limit=0`, "limit"],
        [`/admin/insights/co-purchases?product_id=${products.tv}&min_lift=-1`, "min_lift"],
      ]
      for (const [url, field] of cases) {
        const { status, message } = await failure(api.get(url, admin))
        expect([url, status]).toEqual([url, 400])
        expect(message).toContain(field)
      }
      const bad = await failure(api.post("/admin/insights/co-purchases/compute", { scope: "all" }, admin))
      expect(bad.status).toBe(400)
      expect(bad.message).toContain("scope")
    })

    it("ranks the planted wall mount first by lift for the TV in both scopes, with the counts of the orders", async () => {
      const { data: computed } = await api.post("/admin/insights/co-purchases/compute", {}, admin)
      expect(computed.runs.map((r: { scope: string; skipped: boolean }) => [r.scope, r.skipped])).toEqual([
        ["order", false],
        ["window", false],
      ])
      const { data } = await api.get(`/admin/insights/co-purchases?product_id=${products.tv}&limit=5`, admin)
      expect(data.product).toMatchObject({ id: products.tv, title: "20-inch LCD TV" })
      expect(data.items[0].related_key).toBe(products.wallMount)
      expect(data.items[0].related_product.title).toBe("TV wall mount")
      const expected = expectedOrderMeasures(store, products.tv, products.wallMount)
      expect(data.items[0]).toMatchObject({
        pair_count: expected.pair_count,
        product_count: expected.product_count,
        related_count: expected.related_count,
        basket_count: expected.basket_count,
      })
      expect(data.items[0].confidence).toBeCloseTo(expected.confidence, 5)
      expect(data.items[0].lift).toBeCloseTo(expected.lift, 3)
      expect(data.items[0].lift).toBeGreaterThan(2)
      // The popular batteries are in many TV orders too, but no more than in any order.
      const batteries = expectedOrderMeasures(store, products.tv, products.batteries)
      expect(batteries.confidence).toBeGreaterThan(0.2)
      expect(batteries.lift).toBeLessThan(1.5)
      expect(data.items.map((i: { lift: number }) => i.lift)).toEqual([...data.items.map((i: { lift: number }) => i.lift)].sort((a, b) => b - a))

      const { data: window } = await api.get(`/admin/insights/co-purchases?product_id=${products.tv}&scope=window&limit=3`, admin)
      expect(window.items[0].related_key).toBe(products.wallMount)
      // Customers who bought both within 30 days: the same-order ones plus the mounts bought later.
      expect(window.items[0].pair_count).toBeGreaterThan(0)
      expect(window.items[0].basket_count).toBe(new Set(store.orders.map((o) => o.customer_id)).size)
    })

    it("keeps only pairs at or above the minimum support, and skips a run over unchanged facts", async () => {
      const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      // Two orders of a TV with a rare laptop sleeve: below minPairCount (3).
      await writeFacts(container, {
        customers: [],
        orders: [1, 2].map((i) => ({ customer_id: `cus_rare_${i}`, placed_at: new Date(now.getTime() - i * DAY), lines: [{ product_id: products.tv }, { product_id: "prod_rare_sleeve" }] })),
      })
      await api.post("/admin/insights/co-purchases/compute", { scope: "order" }, admin)
      const { rows } = await knex.raw(`select min(pair_count) as least, count(*) filter (where related_key = 'prod_rare_sleeve' or product_key = 'prod_rare_sleeve') as rare from insights_co_purchase_pair where scope = 'order'`)
      expect(Number(rows[0].least)).toBeGreaterThanOrEqual(3)
      expect(Number(rows[0].rare)).toBe(0)
      const { data: again } = await api.post("/admin/insights/co-purchases/compute", { scope: "order" }, admin)
      expect(again.runs[0].skipped).toBe(true)
      // A third one makes the pair frequent enough, and the run is no longer skipped.
      await writeFacts(container, { customers: [], orders: [{ customer_id: "cus_rare_3", placed_at: now, lines: [{ product_id: products.tv }, { product_id: "prod_rare_sleeve" }] }] })
      const { data: third } = await api.post("/admin/insights/co-purchases/compute", { scope: "order" }, admin)
      expect(third.runs[0].skipped).toBe(false)
      const { data } = await api.get(`/admin/insights/co-purchases?product_id=prod_rare_sleeve`, admin)
      expect(data.items[0]).toMatchObject({ related_key: products.tv, pair_count: 3, product_count: 3 })
    })

    it("recounts only the months whose facts changed, to the same pairs as a recount of every month", async () => {
      const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const pairs = async () =>
        (
          await knex.raw(
            `select product_key, related_key, pair_count, product_count, related_count, basket_count, round(lift::numeric, 9)::text as lift
             from insights_co_purchase_pair where scope = 'order' order by product_key, related_key`
          )
        ).rows
      const monthsWithFacts = async () =>
        Number((await knex.raw(`select count(distinct to_char(placed_at at time zone 'UTC', 'YYYY-MM'))::int as n from purchase_fact`)).rows[0].n)
      const compute = async (force?: boolean) =>
        (await api.post("/admin/insights/co-purchases/compute", { scope: "order", ...(force ? { force } : {}) }, admin)).data.runs[0]

      const first = await compute(true)
      expect(first.months_recounted).toBe(await monthsWithFacts())
      expect(first.months_recounted).toBeGreaterThan(3)

      // New orders in two months (one long past, one now): only those two are recounted.
      const past = new Date(now.getTime() - 150 * DAY)
      await writeFacts(container, {
        customers: [],
        orders: [past, now, now].map((placed_at, i) => ({
          customer_id: `cus_incremental_${i}`,
          placed_at,
          lines: [{ product_id: products.tv }, { product_id: products.wallMount }, { product_id: products.batteries }],
        })),
      })
      const second = await compute()
      expect(second).toMatchObject({ skipped: false, months_recounted: 2 })
      const incremental = await pairs()
      const full = await compute(true)
      expect(full.months_recounted).toBe(await monthsWithFacts())
      expect(full.basket_count).toBe(second.basket_count)
      expect(await pairs()).toEqual(incremental)

      // Facts removed from one month (a customer's lines gone): that month is recounted and the
      // pairs lose its orders, exactly as a full recount finds.
      const { rows: gone } = await knex.raw(
        `delete from purchase_fact where customer_id = (select customer_id from purchase_fact where product_id = ? order by placed_at limit 1)
         returning to_char(placed_at at time zone 'UTC', 'YYYY-MM') as month`,
        [products.tv]
      )
      const third = await compute()
      expect(third.months_recounted).toBe(new Set(gone.map((g: { month: string }) => g.month)).size)
      expect(third.basket_count).toBeLessThan(second.basket_count)
      const afterDelete = await pairs()
      await compute(true)
      expect(await pairs()).toEqual(afterDelete)
      expect(afterDelete).not.toEqual(incremental)
    })

    it("shows store customers what others also bought, published catalogue products only", async () => {
      await api.post("/admin/insights/co-purchases/compute", { scope: "window" }, admin)
      const { data } = await api.get(`/store/insights/products/${products.tv}/also-bought?limit=3`, publishable)
      expect(data.products[0]).toMatchObject({ id: products.wallMount, title: "TV wall mount", handle: "insights-wallmount" })
      expect(data.products.length).toBeLessThanOrEqual(3)
      await api.post(`/admin/products/${products.wallMount}`, { status: "draft" }, admin)
      const { data: after } = await api.get(`/store/insights/products/${products.tv}/also-bought?limit=3`, publishable)
      expect(after.products.map((p: { id: string }) => p.id)).not.toContain(products.wallMount)
      const bad = await failure(api.get(`/store/insights/products/${products.tv}/also-bought?limit=500`, publishable))
      expect(bad.status).toBe(400)
      expect(bad.message).toContain("limit")
    })
  },
})
