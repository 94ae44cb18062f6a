import { assertTiers, type CreateTierInput } from "./create-tiers"
import { updateEntitiesStep } from "./entity-steps"

export type UpdateTierInput = Partial<CreateTierInput> & { id: string }

export const updateTiersStepId = "update-loyalty-tiers"

const CHECKED_FIELDS = ["rank", "basis", "currency_code", "customer_group_id", "is_active"] as const

/**
 * Updates loyalty tiers, checked against their stored values; snapshots only the fields it
 * changes and restores them in the compensation.
 */
export const updateTiersStep = updateEntitiesStep(updateTiersStepId, {
  label: "Loyalty tier",
  checkedFields: CHECKED_FIELDS,
  list: (service, ids, select) => service.listLoyaltyTiers({ id: ids }, { select }),
  update: (service, data: UpdateTierInput[]) => service.updateLoyaltyTiers(data),
  assert: (changes, container) =>
    assertTiers(
      container,
      changes.map(({ update, before }) => {
        const pick = <K extends (typeof CHECKED_FIELDS)[number]>(key: K) =>
          (key in update ? update[key] : before[key]) as (typeof before)[K]
        return {
          id: update.id,
          rank: pick("rank"),
          basis: pick("basis"),
          currency_code: pick("currency_code") ?? null,
          customer_group_id: pick("customer_group_id") ?? null,
          is_active: pick("is_active"),
        }
      })
    ),
})
