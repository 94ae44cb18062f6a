import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../../modules/insights"
import type InsightsModuleService from "../../../modules/insights/service"
import type { OfferCandidate, RankedOffer } from "../../../modules/insights/types"
import { rankOffers } from "../../../modules/insights/utils/rank-offers"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"

const DAY = 86_400_000
const day = (d: Date) => d.toISOString().slice(0, 10)
/** A refill stays on offer this long after the supply ran out (then the reminder's own nudges are done too). */
const REFILL_OVERDUE_DAYS = 30

export type CollectCustomerOffersInput = { customer_id: string; now?: Date }

/**
 * The customer's offers, each with its reason, ranked by the configured weights:
 * a refill due soon (the reminders' coverage), an upgrade of what they own, what is often bought
 * with what they own, points about to expire, the next tier within reach. Offers switched off in
 * the options are not even read. Reads only: nothing to compensate.
 */
export async function collectCustomerOffers(container: MedusaContainer, input: CollectCustomerOffersInput): Promise<RankedOffer[]> {
  const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
  const options = insights.getOfferOptions()
  const now = input.now ?? new Date()
  const on = options.enabled
  const [reminders, upgrades, related, balance, tier] = await Promise.all([
    on.refill ? container.resolve<RemindersModuleService>(REMINDERS_MODULE).summarizeCustomerReminders({ customer_id: input.customer_id, recent: 0 }) : null,
    on.upgrade ? insights.listUpgradesFor(input.customer_id) : [],
    on.co_purchase ? insights.listCoPurchaseOffersFor({ customer_id: input.customer_id, limit: options.coPurchaseOffers }) : [],
    on.points_expiring ? container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).retrieveBalance(input.customer_id, now) : null,
    on.next_tier ? insights.nextTierProgress({ customer_id: input.customer_id, now }) : null,
  ])
  const candidates: OfferCandidate[] = []
  for (const c of reminders?.coverage ?? []) {
    if (!c.is_active || !c.covered_until) continue
    const until = new Date(c.covered_until)
    const daysLeft = (until.getTime() - now.getTime()) / DAY
    if (daysLeft > options.refillWindowDays || daysLeft < -REFILL_OVERDUE_DAYS) continue
    candidates.push({
      type: "refill",
      urgency: 1 - Math.max(0, daysLeft) / (options.refillWindowDays + 1),
      reason: daysLeft >= 0 ? `Your ${c.rule_title ?? "supply"} runs out on ${day(until)}` : `Your ${c.rule_title ?? "supply"} ran out on ${day(until)}`,
      product_id: c.product_id,
      variant_id: c.variant_id,
      details: { rule_id: c.rule_id, covered_until: until, days_left: Math.round(daysLeft) },
    })
  }
  for (const u of upgrades) {
    const ownedDays = (now.getTime() - new Date(u.owned_since).getTime()) / DAY
    candidates.push({
      type: "upgrade",
      // The longer they have had the old one, the readier they are for the new one.
      urgency: Math.min(1, 0.5 + ownedDays / 730),
      reason: "",
      product_id: u.successor_product_id,
      variant_id: u.successor_variant_id,
      details: { upgrade_path_id: u.id, from_product_id: u.product_id, edition: u.edition },
    })
  }
  for (const r of related) {
    candidates.push({
      type: "co_purchase",
      urgency: Math.min(1, r.confidence * 2),
      reason: "",
      product_id: r.related_key,
      details: { bought_with_product_id: r.product_key, customers_who_bought_both: r.pair_count, lift: r.lift },
    })
  }
  const expiry = balance?.next_expiry
  if (expiry && expiry.points > 0) {
    const daysLeft = (expiry.expires_at.getTime() - now.getTime()) / DAY
    if (daysLeft >= 0 && daysLeft <= options.pointsExpiringDays) {
      candidates.push({
        type: "points_expiring",
        urgency: 1 - daysLeft / (options.pointsExpiringDays + 1),
        reason: `${expiry.points} points expire on ${day(expiry.expires_at)}`,
        details: { points: expiry.points, expires_at: expiry.expires_at },
      })
    }
  }
  if (tier && tier.threshold > 0 && tier.remaining > 0 && tier.remaining / tier.threshold <= options.nextTierWithin) {
    const amount = tier.basis === "points" ? `${Math.ceil(tier.remaining)} points` : `${tier.remaining.toFixed(2)} ${(tier.currency_code ?? "").toUpperCase()}`
    candidates.push({
      type: "next_tier",
      urgency: 1 - tier.remaining / tier.threshold,
      reason: `${amount} more to reach ${tier.name}`,
      details: { tier_id: tier.tier_id, remaining: tier.remaining, basis: tier.basis },
    })
  }
  // Product titles for the reasons that name products, in one query.
  const productIds = [
    ...new Set(candidates.flatMap((c) => [c.product_id, c.details?.from_product_id, c.details?.bought_with_product_id]).filter((id): id is string => typeof id === "string")),
  ]
  const titles = new Map<string, string>()
  if (productIds.length) {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["id", "title"], filters: { id: productIds } })
    for (const p of data as { id: string; title: string }[]) titles.set(p.id, p.title)
  }
  const title = (id: unknown) => (typeof id === "string" && titles.get(id)) || "a product you own"
  for (const c of candidates) {
    if (c.type === "upgrade") {
      c.reason = `You own ${title(c.details?.from_product_id)}${c.details?.edition ? ` (${c.details.edition})` : ""}: ${title(c.product_id)} is available`
    } else if (c.type === "co_purchase") {
      c.reason = `Often bought with ${title(c.details?.bought_with_product_id)} (${c.details?.customers_who_bought_both} customers bought both)`
    }
  }
  return rankOffers(candidates, options).map((o) => ({ ...o, product_title: o.product_id ? titles.get(o.product_id) ?? null : null }))
}

/** The logged-in customer's ranked offers (collectCustomerOffers). */
export const collectCustomerOffersStep = createStep("collect-customer-offers", async (input: CollectCustomerOffersInput, { container }) => {
  return new StepResponse(await collectCustomerOffers(container, input))
})
