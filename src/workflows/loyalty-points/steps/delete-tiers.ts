import { deleteEntitiesStep } from "./entity-steps"

export const deleteTiersStepId = "delete-loyalty-tiers"

/** Soft-deletes loyalty tiers; compensated by restoring them. */
export const deleteTiersStep = deleteEntitiesStep(deleteTiersStepId, {
  softDelete: (service, ids) => service.softDeleteLoyaltyTiers(ids),
  restore: (service, ids) => service.restoreLoyaltyTiers(ids),
})
