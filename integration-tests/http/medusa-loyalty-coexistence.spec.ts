import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { ensureDemoStore, type DemoStore } from "../../src/scripts/demo-data/store-setup"
import { adminHeaders, customerHeaders } from "../helpers/auth"
import { registerCustomer } from "../helpers/loyalty-fixtures"
import { eventually } from "../helpers/requests"

jest.setTimeout(240_000)

// medusa-config.ts reads the switch when the runner's own beforeAll loads it, so it must be set
// by a hook that runs before that one (top-level hooks run before the runner's describe block).
const SWITCH = "RETENTION_WITH_MEDUSA_LOYALTY"
const previous = process.env[SWITCH]
beforeAll(() => {
  process.env[SWITCH] = "true"
})
afterAll(() => {
  if (previous === undefined) delete process.env[SWITCH]
  else process.env[SWITCH] = previous
})

const SHOPPER = { email: "both@coexist.example", password: "both-password" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let store: DemoStore
    let admin: { headers: Record<string, string> }
    let customerId: string

    const shopper = () => customerHeaders(api, SHOPPER.email, SHOPPER.password, store.publishableKey)

    beforeAll(async () => {
      container = getContainer()
      store = await ensureDemoStore(container, ["pharmacy"])
      admin = await adminHeaders(container, api)
      customerId = await registerCustomer(container, SHOPPER, { first_name: "Sam" })
    })

    it("registers Medusa's `loyalty` and `store_credit` modules beside ours, each with its own tables", async () => {
      const giftCards = container.resolve("loyalty") as { listGiftCards: unknown }
      // The plugin's module key is `store_credit` (its folder is store-credit).
      const storeCredit = container.resolve("store_credit") as { listStoreCreditAccounts: unknown }
      const points = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
      expect(typeof giftCards.listGiftCards).toBe("function")
      expect(typeof storeCredit.listStoreCreditAccounts).toBe("function")
      expect(typeof points.retrieveBalance).toBe("function")
      expect(giftCards).not.toBe(points)

      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await pg.raw(
        "select table_name from information_schema.tables where table_schema = current_schema() and table_name = any(?) order by 1",
        [["loyalty_gift_card", "store_credit_account", "loyalty_account", "loyalty_tier", "points_transaction"]]
      )
      // Their tables carry a `loyalty_` prefix too (loyalty_gift_card), but no name is shared.
      expect(rows.map((r: { table_name: string }) => r.table_name)).toEqual([
        "loyalty_account",
        "loyalty_gift_card",
        "loyalty_tier",
        "points_transaction",
        "store_credit_account",
      ])
    })

    it("checks out one cart paid with a gift card and our points, and both ledgers record their part", async () => {
      // Medusa's plugin, through its admin API: a gift card and a store-credit account for the shopper.
      const giftCard = (await api.post("/admin/gift-cards", { currency_code: "twd", value: 500, code: "COEXIST-500" }, admin)).data
        .gift_card
      expect(giftCard).toMatchObject({ code: "COEXIST-500", value: 500, currency_code: "twd" })
      const account = (await api.post("/admin/store-credit-accounts", { currency_code: "twd", customer_id: customerId }, admin)).data
        .store_credit_account
      const credited = (await api.post(`/admin/store-credit-accounts/${account.id}/credit`, { amount: 250, note: "goodwill" }, admin))
        .data.store_credit_account
      expect(credited).toMatchObject({ id: account.id, customer_id: customerId, balance: 250, credits: 250 })

      // Ours, through our admin API: an earn rule (1 point per NT$10) and a starting balance.
      await api.post("/admin/loyalty/earn-rules", { name: "Coexistence", points_per_unit: 0.1, currency_code: "twd" }, admin)
      await api.post(`/admin/loyalty/customers/${customerId}/adjustments`, { points: 2000, reason: "welcome" }, admin)

      const headers = await shopper()
      const cart = (
        await api.post(
          "/store/carts",
          {
            region_id: store.regionByKey.taiwan.id,
            sales_channel_id: store.salesChannelByCase.pharmacy,
            items: [{ variant_id: store.variantBySku["PH-FIN-28"].id, quantity: 3 }],
          },
          headers
        )
      ).data.cart
      const subtotal = cart.item_subtotal as number
      const redemption = await api.post(`/store/loyalty/me/carts/${cart.id}/redemption`, { points: 1000 }, headers)
      expect(redemption.data.redemption).toMatchObject({ points: 1000, amount: "100", currency_code: "twd" })
      await api.post(`/store/carts/${cart.id}/gift-cards`, { code: "COEXIST-500" }, headers)
      const totals = (await api.get(`/store/carts/${cart.id}?fields=total,discount_total,credit_line_total`, headers)).data.cart
      expect(totals.discount_total).toBe(100)
      expect(totals.credit_line_total).toBe(500)

      await api.post(`/store/carts/${cart.id}/shipping-methods`, { option_id: store.shippingOptionByRegion.taiwan }, headers)
      const { data } = await api.post("/store/payment-collections", { cart_id: cart.id }, headers)
      await api.post(`/store/payment-collections/${data.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
      const order = (await api.post(`/store/carts/${cart.id}/complete`, {}, headers)).data.order
      expect(order.id).toMatch(/^order_/)

      // Medusa's plugin: the gift card is linked to the order and its value spent.
      const giftCardOrders = (await api.get(`/admin/gift-cards/${giftCard.id}/orders`, admin)).data
      expect(JSON.stringify(giftCardOrders)).toContain(order.id)
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [card],
      } = await query.graph({ entity: "gift_card", fields: ["id", "store_credit_account.id"], filters: { id: giftCard.id } })
      const storeCredit = container.resolve("store_credit") as {
        retrieveAccountStats(input: { account_id: string }): Promise<{ balance: number; debits: number }>
      }
      expect(await storeCredit.retrieveAccountStats({ account_id: card.store_credit_account.id })).toMatchObject({ balance: 0, debits: 500 })
      const placed = (await api.get(`/admin/orders/${order.id}?fields=discount_total,credit_line_total`, admin)).data.order
      expect(placed).toMatchObject({ discount_total: 100, credit_line_total: 500 })

      // Ours: the held points were redeemed and the order earned its (pending) points, read over HTTP.
      const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
      await eventually(
        () => loyalty.listPointsTransactions({ order_id: order.id }),
        (t) => t.some((x) => x.type === "redeem") && t.some((x) => x.type === "earn")
      )
      const mine = (await api.get("/store/loyalty/me", await shopper())).data.balance
      const earned = Math.floor((subtotal - 100) * 0.1)
      expect(mine).toMatchObject({ balance: 1000 + earned, available: 1000, pending: earned, held: 0 })
      const ledger = (await api.get(`/admin/loyalty/customers/${customerId}/transactions`, admin)).data
      expect(ledger.transactions.map((t: { type: string; points: number }) => [t.type, t.points]).sort()).toEqual(
        [
          ["adjust", 2000],
          ["earn", earned],
          ["redeem", -1000],
        ].sort()
      )
      expect((await api.get(`/admin/store-credit-accounts/${account.id}`, admin)).data.store_credit_account.balance).toBe(250)
      expect(await loyalty.verifyBalances()).toEqual([])
    })
  },
})
