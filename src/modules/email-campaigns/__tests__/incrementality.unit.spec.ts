import { compareGroups } from "../utils/incrementality"

describe("treated vs holdout", () => {
  it("gives the difference of revenue per recipient with a 95% interval, from count, sum and sum of squares", () => {
    // Treatment: 1000 recipients, 100 bought 50 each; holdout: 100 recipients, 5 bought 50 each.
    const [eur] = compareGroups([
      { group: "treatment", recipients: 1000, buyers: 100, currency_code: "eur", revenue: 5000, revenue_sq: 100 * 2500 },
      { group: "holdout", recipients: 100, buyers: 5, currency_code: "eur", revenue: 250, revenue_sq: 5 * 2500 },
    ])
    expect(eur.treatment).toMatchObject({ recipients: 1000, conversion_rate: 0.1, revenue_per_recipient: 5 })
    expect(eur.holdout).toMatchObject({ recipients: 100, conversion_rate: 0.05, revenue_per_recipient: 2.5 })
    const d = eur.revenue_per_recipient_difference!
    expect(d.estimate).toBeCloseTo(2.5, 10)
    // Sample variances: 1000 × 0.1 × 0.9 × 2500 / 999 and 100 × 0.05 × 0.95 × 2500 / 99.
    const se = Math.sqrt((1000 * 0.09 * 2500) / 999 / 1000 + (100 * 0.0475 * 2500) / 99 / 100)
    expect(d.high - d.estimate).toBeCloseTo(1.959964 * se, 5)
    expect(eur.incremental_revenue!.estimate).toBeCloseTo(2500, 6)
    expect(eur.relative_lift!.estimate).toBeCloseTo(1, 10)
    expect(eur.conversion_difference!.estimate).toBeCloseTo(0.05, 10)
  })

  it("says nothing about lift without a holdout", () => {
    const [usd] = compareGroups([
      { group: "treatment", recipients: 10, buyers: 2, currency_code: "usd", revenue: 40, revenue_sq: 800 },
      { group: "holdout", recipients: 0, buyers: 0, currency_code: null, revenue: 0, revenue_sq: 0 },
    ])
    expect(usd.revenue_per_recipient_difference).toBeNull()
    expect(usd.relative_lift).toBeNull()
  })
})
