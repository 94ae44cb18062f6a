import { assertEarnRuleWindow, type CreateEarnRuleInput } from "./create-earn-rules"
import { updateEntitiesStep } from "./entity-steps"

export type UpdateEarnRuleInput = Partial<CreateEarnRuleInput> & { id: string }

export const updateEarnRulesStepId = "update-earn-rules"

/**
 * Updates earn rules; snapshots only the fields it changes and restores them in the compensation.
 * The active window is checked against the stored dates when only one of them changes.
 */
export const updateEarnRulesStep = updateEntitiesStep(updateEarnRulesStepId, {
  label: "Earn rule",
  checkedFields: ["starts_at", "ends_at"],
  list: (service, ids, select) => service.listEarnRules({ id: ids }, { select }),
  update: (service, data: UpdateEarnRuleInput[]) => service.updateEarnRules(data),
  assert: (changes) => {
    for (const { update, before } of changes) {
      assertEarnRuleWindow({
        starts_at: "starts_at" in update ? update.starts_at : before.starts_at,
        ends_at: "ends_at" in update ? update.ends_at : before.ends_at,
      })
    }
  },
})
