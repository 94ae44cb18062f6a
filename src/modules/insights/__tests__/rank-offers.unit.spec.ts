import { OFFER_DEFAULTS, type OfferCandidate, type ResolvedOfferOptions } from "../types"
import { rankOffers } from "../utils/rank-offers"

const candidates: OfferCandidate[] = [
  { type: "co_purchase", urgency: 0.9, reason: "Often bought with your TV", product_id: "prod_mount" },
  { type: "refill", urgency: 0.8, reason: "Your coffee runs out on 2026-12-05", product_id: "prod_coffee" },
  { type: "points_expiring", urgency: 0.5, reason: "200 points expire on 2026-12-20" },
  { type: "co_purchase", urgency: 0.4, reason: "Often bought with your phone", product_id: "prod_mount" },
]

describe("rankOffers", () => {
  it("ranks by weight × urgency, one offer per type and product", () => {
    const ranked = rankOffers(candidates, OFFER_DEFAULTS)
    expect(ranked.map((o) => [o.type, o.score])).toEqual([
      ["refill", 0.8],
      // A tie goes to the type listed first in OFFER_TYPES.
      ["points_expiring", 0.45],
      ["co_purchase", 0.45],
    ])
  })

  it("follows the configured weights, switches and limit", () => {
    const options: ResolvedOfferOptions = {
      ...OFFER_DEFAULTS,
      weights: { ...OFFER_DEFAULTS.weights, co_purchase: 2 },
      enabled: { ...OFFER_DEFAULTS.enabled, points_expiring: false },
      limit: 1,
    }
    expect(rankOffers(candidates, options).map((o) => o.type)).toEqual(["co_purchase"])
    expect(rankOffers(candidates, { ...OFFER_DEFAULTS, weights: { ...OFFER_DEFAULTS.weights, refill: 0 } }).map((o) => o.type)).not.toContain("refill")
  })
})
