import { planOrderReversal, type OrderEarnLot, type OrderReversalState } from "../utils/order-reversal-plan"

const lot = (id: string, points: number, base: number, line: string | null, quantity: number | null, reversed = 0, value: number | null = base): OrderEarnLot => ({
  id,
  points,
  base_amount: base,
  line_item_id: line,
  quantity,
  value,
  reversed,
})

const state = (over: Partial<OrderReversalState> = {}): OrderReversalState => ({
  canceled: false,
  returned_quantities: {},
  refunded_total: 0,
  ...over,
})

const total = (plan: { points: number }[]) => plan.reduce((s, p) => s + p.points, 0)

describe("planOrderReversal", () => {
  const boxes = lot("lot_a", 240, 2400, "a", 2)
  const bottle = lot("lot_b", 89, 890, "b", 1)

  it("reverses a refund's share of the earning lines' value", () => {
    expect(planOrderReversal([boxes], state({ refunded_total: 1200 }))).toEqual([{ lot_id: "lot_a", points: 120 }])
  })

  it("reverses a returned line's share at the lot's own points, nothing for other lines", () => {
    expect(planOrderReversal([boxes, bottle], state({ returned_quantities: { b: 1 } }))).toEqual([{ lot_id: "lot_b", points: 89 }])
  })

  it("takes the larger of the returned and refunded share, not their sum", () => {
    const returnedAndRefunded = state({ returned_quantities: { a: 1 }, refunded_total: 1200 })
    expect(total(planOrderReversal([lot("lot_a", 240, 2400, "a", 2, 120)], returnedAndRefunded))).toBe(0)
    const refundedMore = state({ returned_quantities: { a: 1 }, refunded_total: 1800 })
    expect(planOrderReversal([lot("lot_a", 240, 2400, "a", 2, 120)], refundedMore)).toEqual([{ lot_id: "lot_a", points: 60 }])
  })

  it("never passes what was earned, however much is refunded", () => {
    expect(total(planOrderReversal([boxes, bottle], state({ refunded_total: 99_999 })))).toBe(329)
    expect(planOrderReversal([lot("lot_a", 240, 2400, "a", 2, 240)], state({ refunded_total: 99_999 }))).toEqual([])
  })

  it("counts points a refund spread onto a line that was not returned toward the order's target", () => {
    // 890 refunded over both lines first (51 + 38 reversed), then the bottle comes back.
    const first = planOrderReversal([boxes, lot("lot_b", 89, 890, "b", 1)], state({ refunded_total: 890 }))
    expect(total(first)).toBe(89)
    const reversedA = first.find((p) => p.lot_id === "lot_a")!.points
    const reversedB = first.find((p) => p.lot_id === "lot_b")!.points
    const after = planOrderReversal(
      [lot("lot_a", 240, 2400, "a", 2, reversedA), lot("lot_b", 89, 890, "b", 1, reversedB)],
      state({ refunded_total: 890, returned_quantities: { b: 1 } })
    )
    expect(total(after)).toBe(0)
  })

  it("reverses everything left on a cancellation, and nothing from a blocked lot", () => {
    expect(planOrderReversal([lot("lot_a", 240, 2400, "a", 2, 100), bottle], state({ canceled: true }))).toEqual([
      { lot_id: "lot_a", points: 140 },
      { lot_id: "lot_b", points: 89 },
    ])
    expect(planOrderReversal([{ ...boxes, blocked: true }], state({ canceled: true }))).toEqual([])
  })

  it("counts refunds against what the earning parts cost with tax, and older lots against their base", () => {
    // Boxes earned on 2,400 without tax, sold for 2,520 with it: refunding one box's 1,260 is half.
    expect(planOrderReversal([lot("lot_a", 240, 2400, "a", 2, 0, 2520)], state({ refunded_total: 1260 }))).toEqual([{ lot_id: "lot_a", points: 120 }])
    // Shipping earned a lot: 2,625 of 2,625 refunded is everything.
    const shipping = lot("lot_s", 10, 100, null, null, 0, 105)
    expect(total(planOrderReversal([lot("lot_a", 240, 2400, "a", 2, 0, 2520), shipping], state({ refunded_total: 2625 })))).toBe(250)
    // A lot without a recorded value: 1,250 of its 2,400 base.
    expect(planOrderReversal([lot("lot_a", 240, 2400, "a", 2, 0, null)], state({ refunded_total: 1250 }))).toEqual([{ lot_id: "lot_a", points: 125 }])
  })
})
