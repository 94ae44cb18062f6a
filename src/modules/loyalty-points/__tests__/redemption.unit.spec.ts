import { DEFAULT_LOYALTY_OPTIONS } from "../utils/options"
import { priceRedemption } from "../utils/redemption"

const options = { ...DEFAULT_LOYALTY_OPTIONS.redemption, valuePerPoint: { default: 0.01, twd: 0.1 } }

describe("pricing a redemption", () => {
  it("turns points into a discount in the cart's currency", () => {
    expect(priceRedemption(options, { points: 500, currency_code: "usd", item_subtotal: 100 })).toEqual({ amount: "5", max_points: 5000 })
    expect(priceRedemption(options, { points: 1200, currency_code: "TWD", item_subtotal: 3600 })).toEqual({ amount: "120", max_points: 18000 })
  })

  it("enforces the minimum, the step and the share of the cart, naming points", () => {
    expect(() => priceRedemption(options, { points: 90, currency_code: "usd", item_subtotal: 100 })).toThrow(/^points: at least 100/)
    expect(() => priceRedemption(options, { points: 105, currency_code: "usd", item_subtotal: 100 })).toThrow(/^points must be a multiple of 10/)
    expect(() => priceRedemption(options, { points: 5010, currency_code: "usd", item_subtotal: 100 })).toThrow(/^points: at most 5000 points \(50%/)
    expect(() => priceRedemption(options, { points: -10, currency_code: "usd", item_subtotal: 100 })).toThrow(/^points must be a positive whole number/)
  })
})
