import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { LOYALTY_POINTS_MODULE } from ".."
import type LoyaltyPointsModuleService from "../service"

jest.setTimeout(120_000)

const t0 = new Date("2026-01-01T12:00:00Z")

moduleIntegrationTestRunner<LoyaltyPointsModuleService>({
  moduleName: LOYALTY_POINTS_MODULE,
  resolve: "./src/modules/loyalty-points",
  moduleOptions: { loyalty: { returnWindowDays: 14, expiryDays: 365 } },
  testSuite: ({ service }) => {
    /** An order of 2 boxes (240 points on 2,400, sold for 2,520 with tax) and 1 bottle (89 on 890, 934.5). */
    const earnOrder = (customer_id: string, order: string) =>
      service.creditPoints({
        customer_id,
        type: "earn",
        occurred_at: t0,
        entries: [
          { idempotency_key: `earn:${order}:box`, points: 240, order_id: order, line_item_id: "box", quantity: 2, rate: 0.1, base_amount: 2400, metadata: { value: "2520" } },
          { idempotency_key: `earn:${order}:bottle`, points: 89, order_id: order, line_item_id: "bottle", quantity: 1, rate: 0.1, base_amount: 890, metadata: { value: "934.5" } },
        ],
      })
    const reversed = async (order: string) =>
      -(await service.listPointsTransactions({ order_id: order, type: "reverse" })).reduce((s, t) => s + t.points, 0)
    const state = (over: { returned?: Record<string, number>; refunded?: number; canceled?: boolean } = {}) => ({
      canceled: over.canceled ?? false,
      returned_quantities: over.returned ?? {},
      refunded_total: over.refunded ?? 0,
    })

    it("a return, its refund and their replays processed at once reverse the order's target once", async () => {
      for (let round = 0; round < 5; round++) {
        const customer = `cus_par_${round}`
        const order = `order_par_${round}`
        await earnOrder(customer, order)
        // One box returned and refunded (1,260 with tax); each event may read the state before or after the other.
        const causes = [
          { source_key: `return:ret_${round}`, ...state({ returned: { box: 1 } }) },
          { source_key: `refund:ref_${round}`, ...state({ refunded: 1260 }) },
          { source_key: `refund:ref_${round}`, ...state({ returned: { box: 1 }, refunded: 1260 }) },
          { source_key: `return:ret_${round}`, ...state({ returned: { box: 1 }, refunded: 1260 }) },
        ]
        const outcomes = await Promise.allSettled(causes.map((c) => service.reverseOrderPoints({ order_id: order, ...c })))
        expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "fulfilled", "fulfilled", "fulfilled"])
        // max(120 returned, 1,260 / 3,454.5 of 329 → 120) — never both.
        expect(await reversed(order)).toBe(120)
        expect(await service.verifyBalances({ customer_ids: [customer] })).toEqual([])
      }
    })

    it("a refund beyond the returned goods spreads over the rest; a cancellation afterwards takes what is left", async () => {
      await earnOrder("cus_spread", "order_spread")
      const bottleBack = await service.reverseOrderPoints({ order_id: "order_spread", source_key: "return:r1", ...state({ returned: { bottle: 1 } }) })
      expect(bottleBack).toEqual({ customer_id: "cus_spread", points: 89 })
      // Half of what the order cost refunded: 164.5 of 329 points, the bottle's 89 already among them.
      const half = await service.reverseOrderPoints({
        order_id: "order_spread",
        source_key: "refund:f1",
        ...state({ returned: { bottle: 1 }, refunded: 1727.25 }),
      })
      expect(half.points).toBe(76)
      const [boxLot] = await service.listPointsLots({ order_id: "order_spread", line_item_id: "box" })
      expect(boxLot.remaining).toBe(240 - 76)
      const cancel = await service.reverseOrderPoints({ order_id: "order_spread", source_key: "cancel:order_spread", ...state({ canceled: true }) })
      expect(cancel.points).toBe(164)
      expect(await reversed("order_spread")).toBe(329)
      expect(await service.retrieveBalance("cus_spread", t0)).toMatchObject({ balance: 0, debt: 0 })
      expect(await service.verifyBalances()).toEqual([])
    })

    it("reverses nothing for an order that earned nothing", async () => {
      expect(await service.reverseOrderPoints({ order_id: "order_none", source_key: "refund:x", ...state({ refunded: 100 }) })).toEqual({
        customer_id: null,
        points: 0,
      })
    })
  },
})
