import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { createEntitiesStep } from "./entity-steps"

export type CreateTierInput = {
  name: string
  rank: number
  basis?: "points" | "spend"
  threshold: number
  currency_code?: string | null
  earn_multiplier?: number
  customer_group_id?: string | null
  is_active?: boolean
}

/** A tier as it will be stored, for the checks that span fields or rows. */
export type TierState = {
  id?: string
  rank: number
  basis: "points" | "spend"
  currency_code: string | null
  customer_group_id: string | null
  is_active: boolean
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Refuses a currency on a points tier (or none on a spend tier), a rank taken by another active
 * tier (stored or in the same batch) and a customer group the Customer module does not know.
 */
export async function assertTiers(container: MedusaContainer, tiers: TierState[]) {
  for (const tier of tiers) {
    if (tier.basis === "spend" && !tier.currency_code) {
      throw invalid("currency_code is required when basis is spend")
    }
    if (tier.basis === "points" && tier.currency_code) {
      throw invalid("currency_code must be empty when basis is points")
    }
  }
  const active = tiers.filter((t) => t.is_active)
  const ranks = active.map((t) => t.rank)
  const duplicate = ranks.find((rank, i) => ranks.indexOf(rank) !== i)
  if (duplicate !== undefined) {
    throw invalid(`rank ${duplicate} is used by more than one active tier`)
  }
  if (ranks.length) {
    const service = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const own = new Set(active.map((t) => t.id).filter(Boolean))
    const taken = (await service.listLoyaltyTiers({ rank: ranks, is_active: true }, { select: ["id", "rank"] })).filter(
      (t) => !own.has(t.id)
    )
    if (taken.length) {
      throw invalid(`rank ${taken[0].rank} is already used by active tier ${taken[0].id}`)
    }
  }
  const groupIds = [...new Set(tiers.map((t) => t.customer_group_id).filter((id): id is string => !!id))]
  if (groupIds.length) {
    const found = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: groupIds }, { select: ["id"] })
    const missing = groupIds.find((id) => !found.some((g) => g.id === id))
    if (missing) {
      throw invalid(`customer_group_id "${missing}" does not exist`)
    }
  }
}

export const createTiersStepId = "create-loyalty-tiers"

/** Creates loyalty tiers after checking them; compensated by deleting the tiers it created. */
export const createTiersStep = createEntitiesStep(createTiersStepId, {
  assert: (data: CreateTierInput[], container) =>
    assertTiers(
      container,
      data.map((t) => ({
        rank: t.rank,
        basis: t.basis ?? "points",
        currency_code: t.currency_code ?? null,
        customer_group_id: t.customer_group_id ?? null,
        is_active: t.is_active ?? true,
      }))
    ),
  create: (service, data) => service.createLoyaltyTiers(data),
  remove: (service, ids) => service.deleteLoyaltyTiers(ids),
})
