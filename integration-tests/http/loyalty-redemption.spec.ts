import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { ensureDemoStore, type DemoStore } from "../../src/scripts/demo-data/store-setup"
import { adminHeaders, customerHeaders } from "../helpers/auth"
import releaseAbandonedHolds from "../../src/jobs/loyalty-release-abandoned-holds"
import { sendExpiryWarningsWorkflow } from "../../src/workflows/loyalty-points/send-expiry-warnings"
import { POINTS_EXPIRING_TEMPLATE } from "../../src/workflows/loyalty-points/steps/send-expiry-warnings"
import { recordBalanceChanges, registerCustomer } from "../helpers/loyalty-fixtures"
import { eventually, sleep } from "../helpers/requests"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let store: DemoStore
    let loyalty: LoyaltyPointsModuleService
    const shoppers: Record<string, { id: string; email: string }> = {}
    let balanceChanges: string[][]

    const registerShopper = async (email: string) => ({
      id: await registerCustomer(container, { email, password: "secret-pw" }, { first_name: "Pat" }),
      email,
    })

    beforeAll(async () => {
      container = getContainer()
      store = await ensureDemoStore(container, ["pharmacy"])
      loyalty = container.resolve(LOYALTY_POINTS_MODULE)
      balanceChanges = recordBalanceChanges(container)
      shoppers.a = await registerShopper("a@redeem.example")
      shoppers.b = await registerShopper("b@redeem.example")
      for (const s of Object.values(shoppers)) {
        await loyalty.creditPoints({
          customer_id: s.id,
          type: "adjust",
          entries: [{ idempotency_key: `start:${s.id}`, points: 5000, reason: "welcome" }],
        })
      }
    })

    beforeEach(() => {
      balanceChanges.length = 0
    })

    const headersOf = (who: "a" | "b") => customerHeaders(api, shoppers[who].email, "secret-pw", store.publishableKey)

    async function cartWithBoxes(who: "a" | "b", boxes: number) {
      const headers = await headersOf(who)
      const { data } = await api.post(
        "/store/carts",
        {
          region_id: store.regionByKey.taiwan.id,
          sales_channel_id: store.salesChannelByCase.pharmacy,
          items: [{ variant_id: store.variantBySku["PH-FIN-28"].id, quantity: boxes }],
        },
        headers
      )
      return data.cart.id as string
    }

    const redeem = async (who: "a" | "b", cartId: string, body: unknown) =>
      api.post(`/store/loyalty/me/carts/${cartId}/redemption`, body, await headersOf(who)).catch((e: any) => e.response)

    const cartTotals = async (who: "a" | "b", cartId: string) =>
      (await api.get(`/store/carts/${cartId}?fields=total,discount_total,item_subtotal`, await headersOf(who))).data.cart

    async function checkout(who: "a" | "b", cartId: string) {
      const headers = await headersOf(who)
      await api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: store.shippingOptionByRegion.taiwan }, headers)
      const { data } = await api.post("/store/payment-collections", { cart_id: cartId }, headers)
      await api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
      const done = await api.post(`/store/carts/${cartId}/complete`, {}, headers)
      return done.data.order.id as string
    }

    it("redeems points as a discount the cart totals include, holds them, redeems them first-expiring first when the order is placed, and gives them back when it is canceled", async () => {
      const cartId = await cartWithBoxes("a", 3)
      const before = await cartTotals("a", cartId)
      const res = await redeem("a", cartId, { points: 1000 })
      expect(res.status).toBe(200)
      // 1,000 points at NT$0.1 each.
      expect(res.data.redemption).toMatchObject({ points: 1000, amount: "100", currency_code: "twd" })
      expect(res.data.balance).toMatchObject({ balance: 5000, available: 4000, held: 1000 })
      const after = await cartTotals("a", cartId)
      expect(after.discount_total).toBe(100)
      expect(after.total).toBe(before.total - 100)

      // Changing the amount replaces the redemption; it never stacks.
      const changed = await redeem("a", cartId, { points: 1500 })
      expect(changed.data.balance).toMatchObject({ available: 3500, held: 1500 })
      expect((await cartTotals("a", cartId)).discount_total).toBe(150)

      const orderId = await checkout("a", cartId)
      const redeemed = await eventually(
        () => loyalty.listPointsTransactions({ order_id: orderId, type: "redeem" }),
        (t) => t.length === 1
      )
      expect(redeemed[0].points).toBe(-1500)
      expect(await loyalty.retrieveBalance(shoppers.a.id)).toMatchObject({ balance: 3500, held: 0 })
      // Holding changed no balance; redeeming on order.placed did.
      expect(await eventually(async () => [...balanceChanges], (e) => e.length === 1)).toEqual([[shoppers.a.id]])

      await api.post(`/admin/orders/${orderId}/cancel`, {}, await adminHeaders(container, api))
      const restored = await eventually(
        () => loyalty.retrieveBalance(shoppers.a.id),
        (b) => b.balance === 5000
      )
      expect(restored).toMatchObject({ balance: 5000, available: 5000 })
      expect(await eventually(async () => [...balanceChanges], (e) => e.length === 2)).toEqual([[shoppers.a.id], [shoppers.a.id]])
      expect(await loyalty.verifyBalances()).toEqual([])
    })

    it("previews what a cart would earn with the same rules as the real earn, for the cart's owner only", async () => {
      await loyalty.createEarnRules({ name: "TWD", points_per_unit: 0.1, currency_code: "twd" })
      const cartId = await cartWithBoxes("a", 2)
      const { data } = await api.get(`/store/loyalty/me/carts/${cartId}/earn-preview`, await headersOf("a"))
      expect(data.earn_preview).toMatchObject({ points: 240, lines: [expect.objectContaining({ points: 240, amount: "2400" })] })
      const orderId = await checkout("a", cartId)
      const earned = await eventually(
        () => loyalty.listPointsTransactions({ order_id: orderId, type: "earn" }),
        (t) => t.length === 1
      )
      expect(earned[0].points).toBe(data.earn_preview.points)
      const other = await api.get(`/store/loyalty/me/carts/${cartId}/earn-preview`, await headersOf("b")).catch((e: any) => e.response)
      expect(other.status).toBe(404)
    })

    it("serves the points report to admins, with 400s naming bad parameters", async () => {
      const headers = await adminHeaders(container, api, "reporter@test.example")
      const { data } = await api.get("/admin/loyalty/report?interval=month", headers)
      expect(data.periods.map((p: { issued: number }) => p.issued).reduce((a: number, b: number) => a + b, 0)).toBe(10000)
      expect(data.liability).toEqual([{ currency_code: null, available: 10000, pending: 0, amount: 100 }])
      for (const [query, field] of [
        ["interval=year", "interval"],
        ["from=someday", "from"],
        ["from=2026-05-01&to=2026-04-01", "to"],
        ["colour=red", "colour"],
      ]) {
        const res = await api.get(`/admin/loyalty/report?${query}`, headers).catch((e: any) => e.response)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(new RegExp(field))
      }
    })

    it("rewards both sides of a referral on the referee's first order, pending for its return window, and voids it if that order is canceled", async () => {
      const { data: mine } = await api.get("/store/loyalty/me/referral", await headersOf("a"))
      expect(mine.referral.code).toMatch(/^[A-Z0-9]{8}$/)
      expect((await api.get("/store/loyalty/me/referral", await headersOf("a"))).data.referral.code).toBe(mine.referral.code)

      const reject = async (body: unknown, who: "a" | "b" = "b") =>
        (await api.post("/store/loyalty/me/referral", body, await headersOf(who)).catch((e: any) => e.response))
      expect((await reject({ code: "NOPE1234" })).data.message).toMatch(/^code: no referral code/)
      expect((await reject({ code: mine.referral.code }, "a")).data.message).toMatch(/^code: a customer cannot refer themselves/)
      expect((await reject({})).status).toBe(400)
      expect((await api.post("/store/loyalty/me/referral", { code: mine.referral.code.toLowerCase() }, await headersOf("b"))).status).toBe(200)
      expect((await reject({ code: mine.referral.code })).data.message).toMatch(/already referred/)

      const orderId = await checkout("b", await cartWithBoxes("b", 1))
      const referee = await eventually(() => loyalty.retrieveBalance(shoppers.b.id), (b) => b.balance === 5250)
      expect(referee).toMatchObject({ balance: 5250, pending: 250, available: 5000 })
      expect(await loyalty.retrieveBalance(shoppers.a.id)).toMatchObject({ balance: 5500, pending: 500 })
      // A second order rewards nobody again.
      await checkout("b", await cartWithBoxes("b", 1))
      await sleep(1000)
      expect((await loyalty.retrieveBalance(shoppers.a.id)).balance).toBe(5500)
      // One event for both sides of the reward; the second order changed nobody's balance.
      expect(balanceChanges).toEqual([[shoppers.a.id, shoppers.b.id]])

      await api.post(`/admin/orders/${orderId}/cancel`, {}, await adminHeaders(container, api, "ref-admin@test.example"))
      await eventually(() => loyalty.retrieveBalance(shoppers.a.id), (b) => b.balance === 5000)
      expect(await loyalty.retrieveBalance(shoppers.b.id)).toMatchObject({ balance: 5000 })
      expect(await eventually(async () => [...balanceChanges], (e) => e.length === 2)).toEqual([
        [shoppers.a.id, shoppers.b.id],
        [shoppers.a.id, shoppers.b.id],
      ])
      const [referral] = await loyalty.listReferrals({ referee_customer_id: shoppers.b.id })
      expect(referral.status).toBe("void")
      // Having ordered, the referee cannot register a code any more.
      await loyalty.deleteReferrals(referral.id)
      expect((await reject({ code: mine.referral.code })).data.message).toMatch(/only before the first order/)
    })

    it("warns customers by e-mail before their points expire, once per expiry date", async () => {
      await loyalty.creditPoints({
        customer_id: shoppers.a.id,
        type: "adjust",
        entries: [{ idempotency_key: "expiring-soon", points: 300, reason: "goodwill", expires_at: new Date(Date.now() + 10 * 86_400_000) }],
      })
      const first = await sendExpiryWarningsWorkflow(container).run({ input: {} })
      expect(first.result.warned).toBe(1)
      const sent = await container.resolve(Modules.NOTIFICATION).listNotifications({ template: POINTS_EXPIRING_TEMPLATE })
      expect(sent).toHaveLength(1)
      expect(sent[0]).toMatchObject({ to: shoppers.a.email, channel: "email", data: expect.objectContaining({ points: 300 }) })
      const second = await sendExpiryWarningsWorkflow(container).run({ input: {} })
      expect(second.result.warned).toBe(0)
    })

    it("enforces the redemption limits with 400s naming points, and hides other customers' carts", async () => {
      const cartId = await cartWithBoxes("a", 1) // NT$1,200: at most 50 % = 6,000 points
      for (const [body, message] of [
        [{ points: 50 }, /^points: at least 100/],
        [{ points: 105 }, /^points must be a multiple of 10/],
        [{ points: 6010 }, /^points: at most 6000 points/],
        [{ points: "many" }, /points/],
        [{ points: 100, extra: 1 }, /extra/],
      ] as const) {
        const res = await redeem("a", cartId, body)
        expect(res.status).toBe(400)
        expect(res.data.message).toMatch(message)
      }
      const bigCart = await cartWithBoxes("a", 20)
      const tooMuch = await redeem("a", bigCart, { points: 5010 })
      expect(tooMuch.status).toBe(400)
      expect(tooMuch.data.message).toMatch(/^points: 5010 requested but only 5000 available/)

      const othersCart = await cartWithBoxes("b", 3)
      expect((await redeem("a", othersCart, { points: 200 })).status).toBe(404)
      const unauthenticated = await api
        .post(`/store/loyalty/me/carts/${cartId}/redemption`, { points: 200 }, { headers: { "x-publishable-api-key": store.publishableKey } })
        .catch((e: any) => e.response)
      expect(unauthenticated.status).toBe(401)
      expect(await loyalty.retrieveBalance(shoppers.b.id)).toMatchObject({ available: 5000, held: 0 })
    })

    it("never lets parallel redemptions on two carts overdraw, and releases points when the redemption is removed", async () => {
      const carts = [await cartWithBoxes("b", 10), await cartWithBoxes("b", 10)]
      const results = await Promise.all(carts.map((c) => redeem("b", c, { points: 3000 })))
      expect(results.map((r) => r.status).sort()).toEqual([200, 400])
      expect(await loyalty.retrieveBalance(shoppers.b.id)).toMatchObject({ available: 2000, held: 3000 })

      const held = carts[results.findIndex((r) => r.status === 200)]
      const removed = await api.delete(`/store/loyalty/me/carts/${held}/redemption`, await headersOf("b"))
      expect(removed.data).toMatchObject({ removed: true, balance: { available: 5000, held: 0 } })
      expect((await cartTotals("b", held)).discount_total).toBe(0)
    })

    it("releases points held on an abandoned cart after the hold time, and only those", async () => {
      const abandoned = await cartWithBoxes("a", 5)
      const fresh = await cartWithBoxes("a", 5)
      expect((await redeem("a", abandoned, { points: 1000 })).status).toBe(200)
      expect((await redeem("a", fresh, { points: 500 })).status).toBe(200)
      const [hold] = await loyalty.listPointsHolds({ cart_id: abandoned, status: "held" })
      await loyalty.updatePointsHolds({ id: hold.id, expires_at: new Date(Date.now() - 60_000) })

      await releaseAbandonedHolds(container)
      expect(await loyalty.retrieveBalance(shoppers.a.id)).toMatchObject({ available: 4500, held: 500 })
      expect((await cartTotals("a", abandoned)).discount_total).toBe(0)
      expect((await cartTotals("a", fresh)).discount_total).toBe(50)
      // A second run finds nothing more to release.
      await releaseAbandonedHolds(container)
      expect(await loyalty.retrieveBalance(shoppers.a.id)).toMatchObject({ available: 4500, held: 500 })
    })
  },
})
