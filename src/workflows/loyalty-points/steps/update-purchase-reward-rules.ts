import {
  assertPurchaseRewardRuleShape,
  assertPurchaseRewardRuleTargets,
  type CreatePurchaseRewardRuleInput,
} from "./create-purchase-reward-rules"
import { updateEntitiesStep } from "./entity-steps"

export type UpdatePurchaseRewardRuleInput = Partial<CreatePurchaseRewardRuleInput> & { id: string }

/** The stored fields a rule's validity depends on. */
const SHAPE_FIELDS = [
  "product_id",
  "variant_id",
  "every_quantity",
  "reward_type",
  "bonus_points",
  "gift_variant_id",
  "gift_quantity",
] as const

export const updatePurchaseRewardRulesStepId = "update-purchase-reward-rules"

/**
 * Updates purchase reward rules; the rule as it will be stored is checked whole, the product ids
 * only where they change. Snapshots the fields it changes and restores them in the compensation.
 */
export const updatePurchaseRewardRulesStep = updateEntitiesStep(updatePurchaseRewardRulesStepId, {
  label: "Purchase reward rule",
  checkedFields: SHAPE_FIELDS,
  list: (service, ids, select) => service.listPurchaseRewardRules({ id: ids }, { select }),
  update: (service, data: UpdatePurchaseRewardRuleInput[]) => service.updatePurchaseRewardRules(data),
  assert: async (changes, container) => {
    for (const { update, before } of changes) {
      assertPurchaseRewardRuleShape(
        Object.fromEntries(SHAPE_FIELDS.map((f) => [f, f in update ? update[f] : before[f]])) as Partial<CreatePurchaseRewardRuleInput>
      )
    }
    await assertPurchaseRewardRuleTargets(
      container,
      changes.map(({ update }) => ({ product_id: update.product_id, variant_id: update.variant_id, gift_variant_id: update.gift_variant_id }))
    )
  },
})
