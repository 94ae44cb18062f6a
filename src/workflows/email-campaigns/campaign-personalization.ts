import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../modules/customer-facts"
import type CustomerFactsModuleService from "../../modules/customer-facts/service"
import { EMAIL_CAMPAIGNS_MODULE } from "../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../modules/email-campaigns/service"
import { substitutionsFor, withUtm, type PreparedTemplate } from "../../modules/email-campaigns/utils/render"
import { LOYALTY_POINTS_MODULE } from "../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../modules/loyalty-points/service"
import { recipientLinks } from "./campaign-links"

export type PopularProduct = { id: string; title: string }
export type RecipientContext = { points: number; tier: string | null; recommended_products: string[] }

/**
 * The most bought products with their titles, among a campaign's audience when given (else the
 * store's): what {{recommended_products}} picks from.
 */
export async function popularProducts(container: MedusaContainer, input: { campaign_id?: string; limit?: number } = {}): Promise<PopularProduct[]> {
  const limit = input.limit ?? 20
  const ids = input.campaign_id
    ? await container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).popularAmongAudience({ campaign_id: input.campaign_id, limit })
    : (await container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE).listPopularProducts({ limit })).map((p) => p.product_id)
  const titles = ids.length ? await container.resolve(Modules.PRODUCT).listProducts({ id: ids }, { select: ["id", "title"] }) : []
  return ids.map((id) => ({ id, title: titles.find((t) => t.id === id)?.title ?? "" })).filter((p) => p.title)
}

/** Every loyalty tier's name by id: read once per send (a handful of rows), not once per batch. */
export async function tierNames(container: MedusaContainer): Promise<Map<string, string>> {
  const tiers = await container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).listLoyaltyTiers({}, { select: ["id", "name"] })
  return new Map(tiers.map((t) => [t.id, t.name]))
}

/** Points, tier and three recommended products (popular ones the customer has not bought) for many customers, read once. */
export async function recipientContext(
  container: MedusaContainer,
  customerIds: string[],
  popular: PopularProduct[],
  tiers?: Map<string, string>
) {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const rows = await facts.listRecipientFacts({ customer_ids: customerIds, product_ids: popular.map((p) => p.id) })
  const profiles = new Map(rows.map((r) => [r.customer_id, r]))
  const tierIds = [...new Set(rows.map((r) => r.tier_id).filter((t): t is string => !!t && !tiers?.has(t)))]
  const names = new Map(tiers)
  if (tierIds.length) {
    const found = await container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).listLoyaltyTiers({ id: tierIds }, { select: ["id", "name"] })
    for (const t of found) names.set(t.id, t.name)
  }
  return (customerId: string): RecipientContext => {
    const profile = profiles.get(customerId)
    const mine = new Set(profile?.bought_product_ids ?? [])
    return {
      points: profile?.points_balance ?? 0,
      tier: profile?.tier_id ? (names.get(profile.tier_id) ?? null) : null,
      recommended_products: popular.filter((p) => !mine.has(p.id)).slice(0, 3).map((p) => p.title),
    }
  }
}

/** One recipient's substitutions (variables and signed links) for a prepared template. */
export function personalize(input: {
  recipient: { id: string; campaign_id: string; customer_id: string; first_name: string | null }
  template: PreparedTemplate
  utm: Record<string, string> | null
  context: RecipientContext
  publicUrl: string
  linkDays: number
}) {
  const links = recipientLinks({
    publicUrl: input.publicUrl,
    recipient_id: input.recipient.id,
    campaign_id: input.recipient.campaign_id,
    customer_id: input.recipient.customer_id,
    links: input.template.links.map((u) => withUtm(u, input.utm)),
    linkDays: input.linkDays,
  })
  return { links, substitutions: substitutionsFor({ first_name: input.recipient.first_name, ...input.context, ...links }) }
}
