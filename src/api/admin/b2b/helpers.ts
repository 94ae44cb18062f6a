import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

type Entity = "b2b_company" | "b2b_contract" | "b2b_price_import"

const LABEL: Record<Entity, string> = { b2b_company: "Company", b2b_contract: "Contract", b2b_price_import: "Price import" }

/** Reads one record through the query graph; NOT_FOUND when it does not exist. */
export async function refetchB2b<T = Record<string, unknown>>(scope: MedusaContainer, entity: Entity, id: string, fields: string[]): Promise<T> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [found],
  } = await query.graph({ entity, fields, filters: { id } })
  if (!found) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${LABEL[entity]} with id "${id}" not found`)
  }
  return found as T
}

export type ContractWithList = Record<string, unknown> & { price_list_id: string }

/**
 * Contracts with what Medusa has of their price list (status, starts_at / ends_at as applied,
 * rules) and, for a single one, how many prices it holds.
 */
export async function withPriceLists<T extends ContractWithList>(scope: MedusaContainer, contracts: T[], options: { count?: boolean } = {}) {
  const pricing = scope.resolve(Modules.PRICING)
  const ids = contracts.map((c) => c.price_list_id)
  const lists = ids.length ? await pricing.listPriceLists({ id: ids }, { select: ["id", "title", "type", "status", "starts_at", "ends_at"], relations: ["price_list_rules"] }) : []
  const counts = new Map<string, number>()
  if (options.count) {
    for (const id of ids) {
      const [, count] = await pricing.listAndCountPrices({ price_list_id: [id] }, { select: ["id"], take: 1 })
      counts.set(id, count)
    }
  }
  return contracts.map((contract) => {
    const list = lists.find((l) => l.id === contract.price_list_id)
    return {
      ...contract,
      price_list: list
        ? {
            id: list.id,
            title: list.title,
            type: list.type,
            status: list.status,
            starts_at: list.starts_at,
            ends_at: list.ends_at,
            rules: Object.fromEntries((list.price_list_rules ?? []).map((r) => [r.attribute, r.value])),
            ...(options.count ? { price_count: counts.get(list.id) ?? 0 } : {}),
          }
        : null,
    }
  })
}
