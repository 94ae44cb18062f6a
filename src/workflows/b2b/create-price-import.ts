import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { createPriceImportStep, type CreatePriceImportInput } from "./steps/create-price-import"

export type CreatePriceImportWorkflowInput = CreatePriceImportInput

export const createPriceImportWorkflowId = "create-price-import"

/**
 * Records an uploaded price CSV as a pending import of a contract and announces it: the worker
 * validates it and computes the diff (then applies it, when asked to apply as soon as valid).
 */
export const createPriceImportWorkflow = createWorkflow(createPriceImportWorkflowId, (input: WorkflowData<CreatePriceImportWorkflowInput>) => {
  const created = createPriceImportStep(input)
  emitEventStep({
    eventName: B2bEvents.PRICE_IMPORT_REQUESTED,
    data: transform({ created }, ({ created }) => ({ id: created.id })),
  })
  return new WorkflowResponse(created)
})
