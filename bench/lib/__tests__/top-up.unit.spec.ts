import { planCase, type PlannedCustomer } from "../../../src/scripts/demo-data/plan"
import { lineCount, topUp } from "../top-up"

const OPTIONS = { seed: 11, anchor: new Date(Date.UTC(2025, 5, 1)) }

function customers(): PlannedCustomer[] {
  return [...planCase("software", 60, OPTIONS), ...planCase("electronics", 60, OPTIONS), ...planCase("pharmacy", 30, OPTIONS)]
}

describe("topUp (bench only)", () => {
  it("reaches the target with whole orders and overshoots by less than one order", () => {
    let toppedUp = 0
    for (const customer of customers()) {
      const result = topUp(customer, 10)
      const lines = lineCount(result.orders)
      if (!customer.orders.length) {
        expect(result.orders).toHaveLength(0)
        continue
      }
      const largestOrder = Math.max(...customer.orders.map((o) => o.lines.length))
      expect(lines).toBeGreaterThanOrEqual(10)
      if (lineCount(customer.orders) < 10) {
        toppedUp++
        expect(lines).toBeLessThan(10 + largestOrder)
      } else {
        expect(result).toBe(customer)
      }
    }
    expect(toppedUp).toBeGreaterThan(50)
  })

  it("keeps the original orders, replays them earlier, sorted, with unique refs", () => {
    for (const customer of customers().filter((c) => c.orders.length && lineCount(c.orders) < 10)) {
      const result = topUp(customer, 10)
      const times = result.orders.map((o) => o.placed_at.getTime())
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(new Set(result.orders.map((o) => o.ref)).size).toBe(result.orders.length)
      expect(result.orders.slice(-customer.orders.length).map((o) => o.ref)).toEqual(
        [...customer.orders].sort((a, b) => a.placed_at.getTime() - b.placed_at.getTime()).map((o) => o.ref)
      )
      const firstOriginal = Math.min(...customer.orders.map((o) => o.placed_at.getTime()))
      for (const replayed of result.orders.slice(0, -customer.orders.length)) {
        expect(replayed.ref).toMatch(/-r\d+$/)
        expect(replayed.placed_at.getTime()).toBeLessThan(firstOriginal)
        const source = customer.orders.find((o) => o.ref === replayed.ref.replace(/-r\d+$/, ""))
        expect(replayed.lines).toEqual(source?.lines)
      }
      expect(result.created_at.getTime()).toBeLessThanOrEqual(Math.min(...times))
    }
  })

  it("is deterministic", () => {
    const [a, b] = [customers(), customers()].map((list) => list.map((c) => topUp(c, 12)))
    expect(JSON.stringify(a)).toEqual(JSON.stringify(b))
  })
})
