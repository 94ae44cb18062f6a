import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { applyPriceImportStep, finishPriceImportStep } from "./steps/apply-price-import"
import { claimPriceImportStep } from "./steps/claim-price-import"
import { deletePriceImportFileStep } from "./steps/delete-price-import-file"

export type ApplyPriceImportWorkflowInput = { import_id: string }

export const applyPriceImportWorkflowId = "apply-price-import"

/**
 * Applies a ready (or failed, rolled-back) import to the contract's price list in batches; on any
 * failure the price list is left as before. One import applies to a contract at a time. Applied,
 * its uploaded file is deleted.
 */
export const applyPriceImportWorkflow = createWorkflow(applyPriceImportWorkflowId, (input: WorkflowData<ApplyPriceImportWorkflowInput>) => {
  claimPriceImportStep(transform({ input }, ({ input }) => ({ import_id: input.import_id, from: ["ready" as const, "failed" as const], to: "applying" as const, stale_from: ["applying" as const] })))
  const applied = applyPriceImportStep(input)
  finishPriceImportStep(input)
  deletePriceImportFileStep(input)
  emitEventStep({
    eventName: B2bEvents.CONTRACT_PRICES_CHANGED,
    data: transform({ applied }, ({ applied }) => ({
      contract_id: applied.contract_id,
      price_list_id: applied.price_list_id,
      added: applied.added,
      changed: applied.changed,
      removed: applied.removed,
    })),
  })
  return new WorkflowResponse(applied)
})
