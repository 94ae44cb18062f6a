import { resolvePrice, type CandidatePrice } from "../utils/price-resolution"

const now = new Date("2026-12-01T12:00:00Z")
const list = (id: string, type: "sale" | "override", rules: Record<string, string[]>, extra: Partial<NonNullable<CandidatePrice["price_list"]>> = {}) => ({
  id,
  title: id,
  type,
  status: "active",
  starts_at: null,
  ends_at: null,
  rules: Object.entries(rules).map(([attribute, value]) => ({ attribute, value })),
  ...extra,
})
const price = (id: string, amount: string, extra: Partial<CandidatePrice> = {}): CandidatePrice => ({
  id,
  amount,
  currency_code: "eur",
  min_quantity: null,
  max_quantity: null,
  rules: [],
  price_list: null,
  ...extra,
})

const context = { currency_code: "eur", region_id: "reg_eu", customer_group_ids: ["grp_company", "grp_gold"], at: now }

describe("replaying Medusa's price choice", () => {
  const base = price("base", "100")
  const contract1 = price("c1", "80", { price_list: list("contract", "override", { "customer.groups.id": ["grp_company"] }), min_quantity: 1, max_quantity: 49 })
  const contract50 = price("c50", "70", { price_list: list("contract", "override", { "customer.groups.id": ["grp_company"] }), min_quantity: 50 })
  const gold = price("gold", "75", { price_list: list("gold tier", "override", { "customer.groups.id": ["grp_gold"] }) })

  it("charges the lowest of two group lists with one rule each, and says why the others lost", () => {
    const at1 = resolvePrice([base, contract1, contract50, gold], { ...context, quantity: 1 })
    expect(at1.chosen?.id).toBe("gold")
    const byId = Object.fromEntries(at1.candidates.map((c) => [c.id, c]))
    expect(byId.c1.reason).toBe('applies, but "gold tier" (override) is lower (75 against 80)')
    expect(byId.c50.reason).toBe("does not apply: 50+ does not hold 1")
    expect(byId.base.reason).toBe('applies, but "gold tier" (override) applies too, and a price list\'s price comes before the base price')
    expect(resolvePrice([base, contract1, contract50, gold], { ...context, quantity: 50 }).chosen?.id).toBe("c50")
  })

  it("puts a list with more rules first, whatever its amount", () => {
    const regional = price("regional", "90", { price_list: list("regional", "override", { "customer.groups.id": ["grp_gold"], region_id: ["reg_eu"] }) })
    const result = resolvePrice([base, contract1, regional], { ...context, quantity: 1 })
    expect(result.chosen?.id).toBe("regional")
    expect(result.candidates.find((c) => c.id === "c1")?.reason).toBe('applies, but "regional" (override) has more rules (2 against 1) and comes first whatever its amount')
  })

  it("skips lists out of their dates, drafts, other groups and other currencies, saying which check failed", () => {
    const ended = price("ended", "50", { price_list: list("ended", "override", { "customer.groups.id": ["grp_company"] }, { ends_at: new Date("2026-11-30T23:59:59Z") }) })
    const draft = price("draft", "50", { price_list: list("draft", "override", {}, { status: "draft" }) })
    const otherGroup = price("other", "50", { price_list: list("other", "override", { "customer.groups.id": ["grp_other"] }) })
    const usd = price("usd", "1", { currency_code: "usd" })
    const result = resolvePrice([base, ended, draft, otherGroup, usd], { ...context, quantity: 1 })
    expect(result.chosen?.id).toBe("base")
    expect(Object.fromEntries(result.candidates.map((c) => [c.id, c.checks.find((k) => !k.ok)?.check ?? null]))).toEqual({
      base: null,
      ended: "validity",
      draft: "status",
      other: "list_rules",
      usd: "currency",
    })
    expect(result.candidates.find((c) => c.id === "other")?.reason).toBe(
      "does not apply: customer.groups.id must be one of [grp_other]; the context has [grp_company, grp_gold]"
    )
  })

  it("says a list ruled on customer_group_id never applies, pointing to customer.groups.id", () => {
    const legacy = price("legacy", "10", { price_list: list("legacy", "override", { customer_group_id: ["grp_company"] }) })
    const result = resolvePrice([base, legacy], { ...context, quantity: 1 })
    expect(result.chosen?.id).toBe("base")
    expect(result.candidates.find((c) => c.id === "legacy")?.reason).toBe(
      "does not apply: customer_group_id [grp_company] never matches: Medusa 2.21.2 stores this key but the store's context carries customer.groups.id; rule the list on that key"
    )
  })

  it("charges a sale price only when it is not above the base price; an anonymous shopper gets no group list", () => {
    const sale = price("sale", "120", { price_list: list("sale", "sale", {}) })
    expect(resolvePrice([base, sale], { ...context, quantity: 1 }).chosen?.id).toBe("base")
    expect(resolvePrice([base, { ...sale, amount: "90" }], { ...context, quantity: 1 }).chosen?.id).toBe("sale")
    const anonymous = resolvePrice([base, contract1], { currency_code: "eur", customer_group_ids: [], at: now })
    expect(anonymous.chosen?.id).toBe("base")
    expect(anonymous.candidates.find((c) => c.id === "c1")?.reason).toContain("only lists without rules apply")
  })
})
