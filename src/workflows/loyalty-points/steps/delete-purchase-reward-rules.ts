import { deleteEntitiesStep } from "./entity-steps"

export const deletePurchaseRewardRulesStepId = "delete-purchase-reward-rules"

/** Soft-deletes purchase reward rules (their counters and issued rewards stay); compensated by restoring them. */
export const deletePurchaseRewardRulesStep = deleteEntitiesStep(deletePurchaseRewardRulesStepId, {
  softDelete: (service, ids) => service.softDeletePurchaseRewardRules(ids),
  restore: (service, ids) => service.restorePurchaseRewardRules(ids),
})
