import { computeOrderEarn, selectEarnRule, type EarnOrder, type EarnRuleInput } from "../utils/earn-calculation"

const order = (over: Partial<EarnOrder> = {}): EarnOrder => ({
  id: "order_1",
  currency_code: "twd",
  region_id: "reg_tw",
  sales_channel_id: "sc_pharmacy",
  customer_group_ids: ["cg_vip"],
  placed_at: new Date("2026-06-01T10:00:00Z"),
  lines: [
    { id: "li_box", product_id: "prod_fin", collection_id: null, category_ids: ["cat_rx"], quantity: 2, amount: "2400", tax: "120" },
    { id: "li_foam", product_id: "prod_min", collection_id: "col_hair", category_ids: [], quantity: 1, amount: "890", tax: "44.5" },
  ],
  shipping: { amount: "100", tax: "5" },
  ...over,
})

const rule = (over: Partial<EarnRuleInput>): EarnRuleInput => ({ id: "r", points_per_unit: "0.1", ...over })

describe("choosing the earn rule", () => {
  it("takes the most specific matching rule, then the higher priority", () => {
    const rules = [
      rule({ id: "any", points_per_unit: 1 }),
      rule({ id: "twd", currency_code: "twd" }),
      rule({ id: "twd-vip", currency_code: "twd", customer_group_id: "cg_vip" }),
      rule({ id: "twd-vip-hi", currency_code: "twd", customer_group_id: "cg_vip", priority: 5 }),
      rule({ id: "eur", currency_code: "eur", region_id: "reg_eu", customer_group_id: "cg_vip" }),
    ]
    expect(selectEarnRule(rules, order())?.id).toBe("twd-vip-hi")
    expect(selectEarnRule(rules, order({ customer_group_ids: [] }))?.id).toBe("twd")
    expect(selectEarnRule(rules, order({ currency_code: "usd", customer_group_ids: [] }))?.id).toBe("any")
  })

  it("ignores inactive rules and rules outside their dates", () => {
    const rules = [
      rule({ id: "off", is_active: false, currency_code: "twd" }),
      rule({ id: "later", starts_at: "2026-07-01T00:00:00Z", currency_code: "twd" }),
      rule({ id: "ended", ends_at: "2026-06-01T10:00:00Z", currency_code: "twd" }),
      rule({ id: "fallback" }),
    ]
    expect(selectEarnRule(rules, order())?.id).toBe("fallback")
    expect(selectEarnRule(rules.slice(0, 3), order())).toBeNull()
  })
})

describe("what an order earns", () => {
  it("earns per line on the amount without tax, rounding down, with the best multiplier", () => {
    const earn = computeOrderEarn(
      [rule({ id: "r", points_per_unit: "0.1", multipliers: { items: [{ target: "category", id: "cat_rx", multiplier: 2 }, { target: "product", id: "prod_fin", multiplier: 3 }] } })],
      order()
    )
    expect(earn.rule_id).toBe("r")
    expect(earn.entries).toEqual([
      { idempotency_key: "earn:order_1:li_box", points: 720, line_item_id: "li_box", quantity: 2, rate: "0.3", base_amount: "2400", metadata: { value: "2520" } },
      { idempotency_key: "earn:order_1:li_foam", points: 89, line_item_id: "li_foam", quantity: 1, rate: "0.1", base_amount: "890", metadata: { value: "934.5" } },
    ])
  })

  it("counts tax and shipping only when the rule says so", () => {
    const earn = computeOrderEarn([rule({ points_per_unit: "0.1", include_tax: true, include_shipping: true })], order(), 1.5)
    expect(earn.entries.map((e) => [e.idempotency_key, e.points, e.base_amount])).toEqual([
      ["earn:order_1:li_box", 378, "2520"],
      ["earn:order_1:li_foam", 140, "934.5"],
      ["earn:order_1:shipping", 15, "105"],
    ])
  })

  it("earns nothing without a matching rule or on free lines", () => {
    expect(computeOrderEarn([], order()).entries).toEqual([])
    const free = order({ lines: [{ id: "li", product_id: null, collection_id: null, category_ids: [], quantity: 1, amount: 0, tax: 0 }] })
    expect(computeOrderEarn([rule({})], free).entries).toEqual([])
  })
})
