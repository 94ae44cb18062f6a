import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { checkoutPlannedOrder, createHistoricOrders } from "../../src/scripts/demo-data/orders"
import { backfillOrderPointsWorkflow } from "../../src/workflows/loyalty-points/backfill-order-points"
import { planCustomer } from "../../src/scripts/demo-data/plan"
import { ensureDemoStore, type DemoStore } from "../../src/scripts/demo-data/store-setup"
import { adminHeaders } from "../helpers/auth"
import { createCartWorkflow, updateCartPromotionsWorkflow } from "@medusajs/medusa/core-flows"
import { recordBalanceChanges } from "../helpers/loyalty-fixtures"
import { eventually, sleep } from "../helpers/requests"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let store: DemoStore
    let loyalty: LoyaltyPointsModuleService
    let customerId: string
    const patient = planCustomer("pharmacy", 5, { seed: 1, anchor: new Date() })
    let balanceChanges: string[][]

    beforeAll(async () => {
      container = getContainer()
      store = await ensureDemoStore(container, ["pharmacy"])
      loyalty = container.resolve(LOYALTY_POINTS_MODULE)
      // 1 point per 10 TWD spent; every third box earns a fourth, shipped as a gift.
      await loyalty.createEarnRules({ name: "Pharmacy", points_per_unit: 0.1, currency_code: "twd" })
      await loyalty.createPurchaseRewardRules({
        name: "Buy 3 boxes, get 1 free",
        product_id: store.variantBySku["PH-FIN-28"].product_id,
        every_quantity: 3,
        reward_type: "gift_shipment",
      })
      const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: patient.email, first_name: "Test" }])
      customerId = customer.id
      balanceChanges = recordBalanceChanges(container)
    })

    beforeEach(() => {
      balanceChanges.length = 0
    })

    const buyBoxes = (boxes: number, ref: string) =>
      checkoutPlannedOrder(container, store, {
        customer: patient,
        customerId,
        order: {
          ref,
          placed_at: new Date(),
          region_key: "taiwan",
          currency_code: "twd",
          lines: [{ sku: "PH-FIN-28", product_handle: "finasteride-1mg-28", quantity: boxes, unit_amount: 1200 }],
        },
      })

    const balance = () => loyalty.retrieveBalance(customerId, new Date(Date.now() + 15 * 86_400_000))

    const counter = async () => {
      const [c] = await loyalty.listPurchaseCounters({ customer_id: customerId })
      return c ?? { quantity: 0, rewards_issued: 0 }
    }
    const gifts = () => loyalty.listPurchaseRewards({ customer_id: customerId, reward_type: "gift_shipment" })

    it("the pharmacy story: points per box, the third box ships a gift, a returned box is reversed at the old rate and uncounted", async () => {
      const first = await buyBoxes(1, "t-1")
      await eventually(balance, (b) => b.balance === 120)
      expect(await gifts()).toHaveLength(0)
      const second = await buyBoxes(2, "t-2")
      const afterTwo = await eventually(balance, (b) => b.balance === 360)
      expect(afterTwo).toMatchObject({ balance: 360, available: 360 })
      const [gift] = await eventually(gifts, (g) => g.length === 1)
      expect(gift).toMatchObject({
        status: "pending",
        sequence: 1,
        order_id: second,
        gift_variant_id: store.variantBySku["PH-FIN-28"].id,
        shipping_address: expect.objectContaining({ city: patient.city, country_code: "tw", first_name: patient.first_name }),
      })
      expect(await counter()).toMatchObject({ quantity: 3, rewards_issued: 1 })
      // Right now the points are still in the return window.
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ available: 0, pending: 360 })

      // The merchant raises the rate afterwards: the return must still reverse at the old rate.
      const [rule] = await loyalty.listEarnRules({})
      await loyalty.updateEarnRules({ id: rule.id, points_per_unit: 5 })

      const orderModule = container.resolve(Modules.ORDER)
      const [order] = await orderModule.listOrders({ id: second }, { relations: ["items"] })
      const headers = await adminHeaders(container, api)
      await api.post(`/admin/orders/${second}/fulfillments`, { items: [{ id: order.items![0].id, quantity: 2 }] }, headers)
      const orderReturn = await orderModule.createReturn({
        order_id: second,
        items: [{ id: order.items![0].id, quantity: 1 }],
      })
      const eventBus = container.resolve(Modules.EVENT_BUS)
      for (let i = 0; i < 3; i++) {
        await eventBus.emit({ name: OrderWorkflowEvents.RETURN_RECEIVED, data: { order_id: second, return_id: orderReturn.id } })
      }
      const afterReturn = await eventually(balance, (b) => b.balance === 240)
      await sleep(1000)
      expect((await balance()).balance).toBe(afterReturn.balance)
      const reversals = await loyalty.listPointsTransactions({ customer_id: customerId, type: "reverse" })
      expect(reversals.map((r) => r.points)).toEqual([-120])
      expect(first).not.toBe(second)
      expect(await loyalty.verifyBalances()).toEqual([])
      expect(await eventually(counter, (c) => c.quantity === 2)).toMatchObject({ quantity: 2, rewards_issued: 1 })

      // Buying the returned box again brings the count back to 3 without a second gift.
      await buyBoxes(1, "t-2b")
      await eventually(counter, (c) => c.quantity === 3)
      await sleep(500)
      expect(await gifts()).toHaveLength(1)
      await buyBoxes(3, "t-2c")
      expect(await eventually(gifts, (g) => g.length === 2)).toHaveLength(2)
      expect(await counter()).toMatchObject({ quantity: 6, rewards_issued: 2 })
    })

    it("issues a single-use code (usage limit 1) for a free box that only that customer's cart accepts", async () => {
      const [rule] = await loyalty.listPurchaseRewardRules({})
      await loyalty.updatePurchaseRewardRules({ id: rule.id, reward_type: "promotion_code", every_quantity: 2 })
      await buyBoxes(2, "t-code")
      const [reward] = await eventually(
        () => loyalty.listPurchaseRewards({ customer_id: customerId, reward_type: "promotion_code" }),
        (r) => r.length === 1 && !!r[0].promotion_code
      )
      expect(reward.status).toBe("fulfilled")
      const [promotion] = await container.resolve(Modules.PROMOTION).listPromotions({ code: reward.promotion_code! })
      expect(promotion).toMatchObject({ limit: 1, is_automatic: false })

      const region = store.regionByKey.taiwan
      const cartFor = async (customer_id: string, email: string) => {
        const { result } = await createCartWorkflow(container).run({
          input: {
            region_id: region.id,
            currency_code: "twd",
            sales_channel_id: store.salesChannelByCase.pharmacy,
            customer_id,
            email,
            items: [{ variant_id: store.variantBySku["PH-FIN-28"].id, quantity: 3 }],
          },
        })
        await updateCartPromotionsWorkflow(container).run({
          input: { cart_id: result.id, promo_codes: [reward.promotion_code!], action: "add" as any },
        })
        const [cart] = await container.resolve(Modules.CART).listCarts({ id: result.id }, { relations: ["items", "items.adjustments"] })
        return cart.items!.flatMap((i) => i.adjustments ?? []).reduce((s, a) => s + Number(a.amount), 0)
      }
      // The patient's cart gets one box free; someone else's cart gets nothing from the code.
      expect(await cartFor(customerId, patient.email)).toBe(1200)
      const [other] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: "other@test.example" }])
      expect(await cartFor(other.id, "other@test.example")).toBe(0)
    })

    it("credits bonus points when a bonus rule's count is reached, available at once, and announces the balance change", async () => {
      const [rule] = await loyalty.listPurchaseRewardRules({})
      await loyalty.updatePurchaseRewardRules({ id: rule.id, reward_type: "bonus_points", bonus_points: 50, every_quantity: 2 })
      await buyBoxes(2, "t-bonus")
      const [reward] = await eventually(
        () => loyalty.listPurchaseRewards({ customer_id: customerId, reward_type: "bonus_points" }),
        (r) => r.length === 1 && r[0].status === "fulfilled"
      )
      const bonus = await loyalty.listPointsTransactions({ customer_id: customerId, type: "reward" })
      expect(bonus).toEqual([expect.objectContaining({ points: 50, idempotency_key: `reward:${reward.id}` })])
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ available: 50, pending: 240 })
      // The order's own points come with loyalty.points_earned; the bonus with points_balance_changed.
      expect(await eventually(async () => [...balanceChanges], (e) => e.length === 1)).toEqual([[customerId]])
    })

    it("moves a customer into the tier's customer group as soon as an order lifts them over the threshold, then earns at the tier's multiplier", async () => {
      const customers = container.resolve(Modules.CUSTOMER)
      const [group] = await customers.createCustomerGroups([{ name: "Gold members" }])
      await loyalty.createLoyaltyTiers({ name: "Gold", rank: 1, basis: "points", threshold: 300, earn_multiplier: 2, customer_group_id: group.id })
      const inGroup = async () => (await customers.listCustomerGroupCustomers({ customer_id: customerId, customer_group_id: group.id })).length
      await buyBoxes(1, "tier-1")
      await eventually(balance, (b) => b.balance === 120)
      await sleep(500)
      expect(await inGroup()).toBe(0)
      await buyBoxes(2, "tier-2")
      expect(await eventually(inGroup, (n) => n === 1)).toBe(1)
      await buyBoxes(1, "tier-3")
      expect((await eventually(balance, (b) => b.balance === 600)).balance).toBe(600)
    })

    it("backfills orders placed before the plugin, a page of customers at a time, once", async () => {
      const neighbour = planCustomer("pharmacy", 6, { seed: 1, anchor: new Date() })
      const [other] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: neighbour.email }])
      const placedAt = new Date(Date.now() - 40 * 86_400_000)
      const history = (ref: string, boxes: number) => ({
        ref,
        placed_at: placedAt,
        region_key: "taiwan",
        currency_code: "twd",
        lines: [{ sku: "PH-FIN-28", product_handle: "finasteride-1mg-28", quantity: boxes, unit_amount: 1200 }],
      })
      // Imported without events: nothing earns until the backfill runs.
      await createHistoricOrders(
        container,
        store,
        [
          { customer: patient, customerId, order: history("h-1", 1) },
          { customer: neighbour, customerId: other.id, order: history("h-2", 1) },
          { customer: patient, customerId, order: history("h-3", 2) },
        ],
        new Date()
      )
      expect((await balance()).balance).toBe(0)

      const { result } = await backfillOrderPointsWorkflow(container).run({ input: { page_size: 2 } })
      expect(result).toEqual({ orders: 3, lines: 3, customer_ids: expect.arrayContaining([customerId, other.id]) })
      expect(result.customer_ids).toHaveLength(2)
      // Past the return window already: 120 + 240 available.
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 360, available: 360, lifetime_earned: 360 })
      expect(await loyalty.retrieveBalance(other.id)).toMatchObject({ balance: 120, available: 120 })
      const announced = await eventually(async () => [...balanceChanges], (e) => e.length === 1)
      expect(announced[0].sort()).toEqual([customerId, other.id].sort())

      const again = await backfillOrderPointsWorkflow(container).run({ input: { page_size: 2 } })
      expect(again.result).toEqual({ orders: 3, lines: 0, customer_ids: [] })
      await sleep(500)
      expect(balanceChanges).toHaveLength(1)
      expect(await loyalty.listPointsTransactions({ customer_id: customerId })).toHaveLength(2)
      expect(await loyalty.verifyBalances()).toEqual([])
    })

    it("records a replayed order.placed once", async () => {
      const orderId = await buyBoxes(3, "t-3")
      await eventually(balance, (b) => b.balance === 360)
      const eventBus = container.resolve(Modules.EVENT_BUS)
      for (let i = 0; i < 3; i++) {
        await eventBus.emit({ name: OrderWorkflowEvents.PLACED, data: { id: orderId } })
      }
      await sleep(1500)
      expect((await balance()).balance).toBe(360)
      expect(await loyalty.listPointsTransactions({ order_id: orderId })).toHaveLength(1)
    })

    it("reverses all of an order's points when the admin cancels it", async () => {
      const orderId = await buyBoxes(2, "t-4")
      await eventually(balance, (b) => b.balance === 240)
      const headers = await adminHeaders(container, api, "canceler@test.example")
      await api.post(`/admin/orders/${orderId}/cancel`, {}, headers)
      const after = await eventually(balance, (b) => b.balance === 0)
      expect(after.balance).toBe(0)
      const [reverse] = await loyalty.listPointsTransactions({ order_id: orderId, type: "reverse" })
      expect(reverse).toMatchObject({ points: -240, reason: "order canceled" })
    })
  },
})
