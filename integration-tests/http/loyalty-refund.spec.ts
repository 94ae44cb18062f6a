import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, OrderWorkflowEvents, PaymentEvents } from "@medusajs/framework/utils"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { checkoutPlannedOrder } from "../../src/scripts/demo-data/orders"
import { planCustomer } from "../../src/scripts/demo-data/plan"
import { ensureDemoStore, type DemoStore } from "../../src/scripts/demo-data/store-setup"
import { adminHeaders } from "../helpers/auth"
import type { Headers } from "../helpers/loyalty-fixtures"
import { eventually, sleep } from "../helpers/requests"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let store: DemoStore
    let loyalty: LoyaltyPointsModuleService
    let admin: Headers
    let customerId: string
    const patient = planCustomer("pharmacy", 7, { seed: 3, anchor: new Date() })

    beforeAll(async () => {
      container = getContainer()
      store = await ensureDemoStore(container, ["pharmacy"])
      loyalty = container.resolve(LOYALTY_POINTS_MODULE)
      // 1 point per 10 TWD: a 1,200 TWD box earns 120, an 890 TWD bottle 89.
      await loyalty.createEarnRules({ name: "Pharmacy", points_per_unit: 0.1, currency_code: "twd" })
      const [customer] = await container.resolve(Modules.CUSTOMER).createCustomers([{ email: patient.email, first_name: "Test" }])
      customerId = customer.id
      admin = await adminHeaders(container, api, "refunds@test.example")
    })

    const PRODUCTS: Record<string, { sku: string; handle: string; price: number }> = {
      box: { sku: "PH-FIN-28", handle: "finasteride-1mg-28", price: 1200 },
      bottle: { sku: "PH-MIN-60", handle: "minoxidil-foam-60", price: 890 },
    }

    /** Places an order and captures its payment; returns the order, its payment and line ids. */
    const buy = async (lines: { product: keyof typeof PRODUCTS; quantity: number }[], ref: string) => {
      const orderId = await checkoutPlannedOrder(container, store, {
        customer: patient,
        customerId,
        order: {
          ref,
          placed_at: new Date(),
          region_key: "taiwan",
          currency_code: "twd",
          lines: lines.map((l) => ({
            sku: PRODUCTS[l.product].sku,
            product_handle: PRODUCTS[l.product].handle,
            quantity: l.quantity,
            unit_amount: PRODUCTS[l.product].price,
          })),
        },
      })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["id", "total", "items.id", "items.variant_sku", "payment_collections.payments.id"],
        filters: { id: orderId },
      })
      const order = data[0] as any
      const paymentId = order.payment_collections[0].payments[0].id as string
      await api.post(`/admin/payments/${paymentId}/capture`, {}, admin)
      const lineOf = (product: keyof typeof PRODUCTS) => order.items.find((i: any) => i.variant_sku === PRODUCTS[product].sku).id as string
      await eventually(reversedOn(orderId).earned, (p) => p > 0)
      return { orderId, paymentId, lineOf, total: Number(order.total) }
    }

    const refund = (paymentId: string, amount: number) => api.post(`/admin/payments/${paymentId}/refund`, { amount }, admin)

    /** The admin's return flow: request the items, confirm, receive them all, confirm the receipt. */
    const returnItems = async (orderId: string, items: { id: string; quantity: number }[]) => {
      const { data } = await api.post("/admin/returns", { order_id: orderId }, admin)
      const returnId = data.return.id as string
      await api.post(`/admin/returns/${returnId}/request-items`, { items }, admin)
      await api.post(`/admin/returns/${returnId}/request`, {}, admin)
      await api.post(`/admin/returns/${returnId}/receive`, {}, admin)
      await api.post(`/admin/returns/${returnId}/receive-items`, { items }, admin)
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, admin)
      return returnId
    }

    const fulfillAll = async (orderId: string) => {
      const [order] = await container.resolve(Modules.ORDER).listOrders({ id: orderId }, { relations: ["items"] })
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items: order.items!.map((i) => ({ id: i.id, quantity: Number(i.quantity) })) }, admin)
    }

    /** Points earned on and reversed from one order, from the ledger. */
    const reversedOn = (orderId: string) => {
      const sum = async (type: "earn" | "reverse") =>
        (await loyalty.listPointsTransactions({ order_id: orderId, type })).reduce((s, t) => s + t.points, 0)
      return { earned: () => sum("earn"), reversed: async () => -(await sum("reverse")) }
    }

    const balanceCheck = async () => (await api.get(`/admin/loyalty/balance-check`, admin)).data

    it("a partial refund without a return reverses its share of the order's points, from the pending lot", async () => {
      const { orderId, paymentId } = await buy([{ product: "box", quantity: 2 }], "r-partial")
      expect(await reversedOn(orderId).earned()).toBe(240)
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 240, pending: 240, available: 0 })

      // A goodwill refund of half the boxes' price, nothing sent back.
      await refund(paymentId, 1200)
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 120)).toBe(120)
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 120, pending: 120, debt: 0 })
      const [entry] = await loyalty.listPointsTransactions({ order_id: orderId, type: "reverse" })
      expect(entry).toMatchObject({ points: -120, reason: "payment refunded", idempotency_key: expect.stringMatching(/^reverse:refund:/) })
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })

    it("two partial refunds add up and never reverse more than the order earned", async () => {
      const { orderId, paymentId, total } = await buy([{ product: "box", quantity: 2 }], "r-twice")
      await refund(paymentId, 1500)
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 150)).toBe(150)
      // The rest of the payment, shipping included: more than the boxes cost, so the whole order.
      await refund(paymentId, total - 1500)
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 240)).toBe(240)
      await sleep(1000)
      expect(await reversedOn(orderId).reversed()).toBe(240)
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 0, pending: 0, debt: 0 })
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })

    it("a return and then the refund of the same goods reverse once", async () => {
      const { orderId, paymentId, lineOf } = await buy([{ product: "box", quantity: 2 }], "r-return-refund")
      await fulfillAll(orderId)
      await returnItems(orderId, [{ id: lineOf("box"), quantity: 1 }])
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 120)).toBe(120)
      await refund(paymentId, 1200)
      await sleep(3000)
      expect(await reversedOn(orderId).reversed()).toBe(120)
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 120 })
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })

    it("a refund and then the return of the same goods reverse once; returning more reverses more", async () => {
      const { orderId, paymentId, lineOf } = await buy([{ product: "box", quantity: 2 }], "r-refund-return")
      await fulfillAll(orderId)
      await refund(paymentId, 1200)
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 120)).toBe(120)
      await returnItems(orderId, [{ id: lineOf("box"), quantity: 1 }])
      await sleep(3000)
      expect(await reversedOn(orderId).reversed()).toBe(120)
      // The second box comes back too, with no further refund: its points go as well.
      await returnItems(orderId, [{ id: lineOf("box"), quantity: 1 }])
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 240)).toBe(240)
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })

    it("a refund spread over two lines, then the return of the refunded line, does not reverse that line again", async () => {
      const { orderId, paymentId, lineOf } = await buy(
        [
          { product: "box", quantity: 1 },
          { product: "bottle", quantity: 1 },
        ],
        "r-two-lines"
      )
      expect(await reversedOn(orderId).earned()).toBe(209)
      await fulfillAll(orderId)
      // 890 of the 2,090 the lines cost: 42.6 % of each line's points (51 + 38).
      await refund(paymentId, 890)
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 89)).toBe(89)
      await returnItems(orderId, [{ id: lineOf("bottle"), quantity: 1 }])
      await sleep(3000)
      expect(await reversedOn(orderId).reversed()).toBe(89)
      // Refunding the box as well takes the whole order back, each lot at its own rate.
      await refund(paymentId, 1200)
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 209)).toBe(209)
      const lots = await loyalty.listPointsLots({ order_id: orderId })
      expect(lots.map((l) => l.remaining)).toEqual([0, 0])
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })

    it("the same refund or return delivered again reverses nothing more", async () => {
      const { orderId, paymentId, lineOf } = await buy([{ product: "box", quantity: 3 }], "r-replay")
      await fulfillAll(orderId)
      await refund(paymentId, 1200)
      await eventually(reversedOn(orderId).reversed, (p) => p === 120)
      const returnId = await returnItems(orderId, [{ id: lineOf("box"), quantity: 2 }])
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 240)).toBe(240)
      const eventBus = container.resolve(Modules.EVENT_BUS)
      for (let i = 0; i < 3; i++) {
        await eventBus.emit({ name: PaymentEvents.REFUNDED, data: { id: paymentId } })
        await eventBus.emit({ name: OrderWorkflowEvents.RETURN_RECEIVED, data: { order_id: orderId, return_id: returnId } })
      }
      await sleep(3000)
      const reversals = await loyalty.listPointsTransactions({ order_id: orderId, type: "reverse" })
      expect(reversals.map((r) => r.points).sort()).toEqual([-120, -120])
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 120 })
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })

    it("a cancellation after a partial refund takes the rest, once, though Medusa refunds the payment as it cancels", async () => {
      const { orderId, paymentId } = await buy([{ product: "box", quantity: 2 }], "r-refund-cancel")
      await refund(paymentId, 600)
      await eventually(reversedOn(orderId).reversed, (p) => p === 60)
      await api.post(`/admin/orders/${orderId}/cancel`, {}, admin)
      expect(await eventually(reversedOn(orderId).reversed, (p) => p === 240)).toBe(240)
      await sleep(2000)
      expect(await reversedOn(orderId).reversed()).toBe(240)
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 0, debt: 0 })
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })

    /** Ends the order's return window and lets the customer spend `points` of it. */
    const spend = async (orderId: string, points: number) => {
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg("points_lot").where({ order_id: orderId }).update({ available_at: new Date(Date.now() - 1000) })
      await loyalty.debitPoints({ customer_id: customerId, type: "redeem", points, idempotency_key: `redeem:spec:${orderId}` })
    }

    it("points already spent leave a negative balance by default", async () => {
      const { orderId, paymentId, total } = await buy([{ product: "box", quantity: 2 }], "r-spent-negative")
      await spend(orderId, 200)
      await refund(paymentId, total)
      await eventually(reversedOn(orderId).reversed, (p) => p === 240)
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: -200, available: 0, debt: 200 })
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })

    it("points already spent are clawed back to zero on a clawback account, the rest recorded as uncollected", async () => {
      const { orderId, paymentId } = await buy([{ product: "box", quantity: 2 }], "r-spent-clawback")
      const [account] = await loyalty.listLoyaltyAccounts({ customer_id: customerId })
      await loyalty.updateLoyaltyAccounts({ id: account.id, negative_policy: "clawback" })
      await spend(orderId, 200)
      // Half the order: 120 to reverse, 40 left to take, 80 uncollected.
      await refund(paymentId, 1200)
      const [entry] = await eventually(
        () => loyalty.listPointsTransactions({ order_id: orderId, type: "reverse" }),
        (t) => t.length === 1
      )
      expect(entry).toMatchObject({ points: -40, metadata: expect.objectContaining({ reversed_points: 120, uncollected: 80 }) })
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 0, available: 0, debt: 0 })
      // The rest of the boxes refunded later: nothing left to take, all of it uncollected, once.
      await refund(paymentId, 1200)
      const entries = await eventually(
        () => loyalty.listPointsTransactions({ order_id: orderId, type: "reverse" }),
        (t) => t.length === 2
      )
      expect(entries.map((t) => (t.metadata as any).uncollected).sort()).toEqual([120, 80])
      expect(await loyalty.retrieveBalance(customerId)).toMatchObject({ balance: 0, debt: 0 })
      expect(await balanceCheck()).toEqual({ ok: true, mismatches: [] })
    })
  },
})
