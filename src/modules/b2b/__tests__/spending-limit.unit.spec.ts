import { orderNetSpend, spendingLimitViolation, spendingPeriod, spendingStatus, type SpendingLimit } from "../utils/spending-limit"

const iso = (d: Date) => d.toISOString()

describe("the current period of a spending limit (UTC)", () => {
  // A Wednesday in the middle of a quarter.
  const now = new Date("2026-11-18T23:30:00Z")

  it("day, ISO week from Monday, calendar month, quarter and year", () => {
    expect(spendingPeriod("day", now)).toEqual({ start: new Date("2026-11-18T00:00:00Z"), end: new Date("2026-11-19T00:00:00Z") })
    expect(spendingPeriod("week", now)).toEqual({ start: new Date("2026-11-16T00:00:00Z"), end: new Date("2026-11-23T00:00:00Z") })
    expect(spendingPeriod("month", now)).toEqual({ start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-12-01T00:00:00Z") })
    expect(spendingPeriod("quarter", now)).toEqual({ start: new Date("2026-10-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") })
    expect(spendingPeriod("year", now)).toEqual({ start: new Date("2026-01-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") })
  })

  it("a Sunday belongs to the week that began on the Monday before; January is in the first quarter", () => {
    expect(iso(spendingPeriod("week", new Date("2026-11-22T10:00:00Z")).start)).toBe("2026-11-16T00:00:00.000Z")
    expect(iso(spendingPeriod("week", new Date("2026-11-23T00:00:00Z")).start)).toBe("2026-11-23T00:00:00.000Z")
    expect(iso(spendingPeriod("quarter", new Date("2027-01-05T00:00:00Z")).start)).toBe("2027-01-01T00:00:00.000Z")
    expect(iso(spendingPeriod("quarter", new Date("2026-03-31T23:59:59Z")).end)).toBe("2026-04-01T00:00:00.000Z")
  })
})

describe("spend against a limit", () => {
  const limit: SpendingLimit = { spending_limit: 300, spending_limit_currency_code: "EUR", spending_limit_period: "month" }
  const now = new Date("2026-12-10T12:00:00Z")

  it("an order counts net of refunds: the credit line a refund adds to the order is added back, the refund taken off once", () => {
    expect(orderNetSpend({ total: 100, summary: { credit_line_total: 0, refunded_total: 0 } }).toString()).toBe("100")
    // 100 ordered, 30 refunded: Medusa's total is 70 with a 30 credit line.
    expect(orderNetSpend({ total: 70, summary: { credit_line_total: 30, refunded_total: 30 } }).toString()).toBe("70")
    expect(orderNetSpend({ total: "19.99" }).toString()).toBe("19.99")
  })

  it("spent and remaining in decimals; remaining never below zero; no limit is null", () => {
    const status = spendingStatus(limit, [{ total: "100.10" }, { total: "99.95" }], now)!
    expect(status).toMatchObject({ limit: "300", currency_code: "eur", period: "month", spent: "200.05", remaining: "99.95" })
    expect(status.period_start).toEqual(new Date("2026-12-01T00:00:00Z"))
    expect(spendingStatus(limit, [{ total: 250 }, { total: 100 }], now)!.remaining).toBe("0")
    expect(spendingStatus({ spending_limit: null, spending_limit_currency_code: null, spending_limit_period: null }, [{ total: 1 }], now)).toBeNull()
  })

  it("a cart up to the limit passes; one cent more is refused naming limit, spent, cart total, currency and period", () => {
    const status = spendingStatus(limit, [{ total: 200 }], now)!
    expect(spendingLimitViolation(status, { total: 100, currency_code: "eur" })).toBeNull()
    const message = spendingLimitViolation(status, { total: "100.01", currency_code: "eur" })
    expect(message).toBe(
      "spending_limit: this cart of 100.01 EUR would exceed your spending limit of 300 EUR per month: spent this month (since 2026-12-01) 200 EUR, remaining 100 EUR"
    )
  })

  it("a cart in another currency than the limit's is refused: it cannot be measured against it", () => {
    const status = spendingStatus(limit, [], now)!
    expect(spendingLimitViolation(status, { total: 1, currency_code: "usd" })).toContain("this cart is in USD")
  })
})
