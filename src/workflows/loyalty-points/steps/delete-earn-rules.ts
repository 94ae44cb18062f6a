import { deleteEntitiesStep } from "./entity-steps"

export const deleteEarnRulesStepId = "delete-earn-rules"

/** Soft-deletes earn rules; compensated by restoring them. */
export const deleteEarnRulesStep = deleteEntitiesStep(deleteEarnRulesStepId, {
  softDelete: (service, ids) => service.softDeleteEarnRules(ids),
  restore: (service, ids) => service.restoreEarnRules(ids),
})
