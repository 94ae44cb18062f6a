import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Reads one loyalty tier through the query graph; NOT_FOUND when it does not exist. */
export async function refetchTier(scope: MedusaContainer, id: string, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [tier],
  } = await query.graph({ entity: "loyalty_tier", fields, filters: { id } })
  if (!tier) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty tier with id "${id}" not found`)
  }
  return tier
}
