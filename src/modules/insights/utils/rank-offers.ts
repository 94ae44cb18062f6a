import { OFFER_TYPES, type OfferCandidate, type RankedOffer, type ResolvedOfferOptions } from "../types"

/**
 * Orders a customer's offer candidates by weight × urgency (urgency clamped to 0–1), drops offers
 * switched off or weighted 0, keeps one offer per (type, product), and returns at most `limit`.
 * Ties keep the order of OFFER_TYPES, then the reason, so the same candidates always rank the same.
 */
export function rankOffers(candidates: OfferCandidate[], options: ResolvedOfferOptions): RankedOffer[] {
  const seen = new Set<string>()
  return candidates
    .filter((c) => options.enabled[c.type] && options.weights[c.type] > 0)
    .map((c) => ({ ...c, score: Math.round(options.weights[c.type] * Math.min(1, Math.max(0, c.urgency)) * 1e6) / 1e6 }))
    .sort((a, b) => b.score - a.score || OFFER_TYPES.indexOf(a.type) - OFFER_TYPES.indexOf(b.type) || a.reason.localeCompare(b.reason))
    .filter((c) => {
      const key = `${c.type}|${c.product_id ?? ""}`
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .slice(0, options.limit)
}
