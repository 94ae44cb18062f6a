import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { claimPriceImportStep } from "./steps/claim-price-import"
import { deletePriceImportFileStep } from "./steps/delete-price-import-file"
import { diffPriceImportStep } from "./steps/diff-price-import"
import { stagePriceImportStep } from "./steps/stage-price-import"

export type ValidatePriceImportWorkflowInput = { import_id: string }

export const validatePriceImportWorkflowId = "validate-price-import"

/**
 * The dry run of a pending import: the file streamed, validated line by line and staged, bands
 * checked; an invalid file stops there (its errors name line and column, nothing is applied; the
 * file is deleted),
 * a valid one is diffed against the contract's price list and is ready to apply.
 */
export const validatePriceImportWorkflow = createWorkflow(validatePriceImportWorkflowId, (input: WorkflowData<ValidatePriceImportWorkflowInput>) => {
  claimPriceImportStep(transform({ input }, ({ input }) => ({ import_id: input.import_id, from: ["pending" as const], to: "validating" as const, stale_from: ["validating" as const] })))
  const staged = stagePriceImportStep(input)
  when({ staged }, ({ staged }) => staged.valid).then(() => {
    diffPriceImportStep(input)
  })
  when({ staged }, ({ staged }) => !staged.valid).then(() => {
    deletePriceImportFileStep(input)
  })
  return new WorkflowResponse(staged)
})
