import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { requestPriceImportApplyStep } from "./steps/request-price-import-apply"

export type RequestPriceImportApplyWorkflowInput = { import_id: string }

export const requestPriceImportApplyWorkflowId = "request-price-import-apply"

/** The merchant confirms a dry run: the import is marked to apply and the worker applies it (progress on the import). */
export const requestPriceImportApplyWorkflow = createWorkflow(requestPriceImportApplyWorkflowId, (input: WorkflowData<RequestPriceImportApplyWorkflowInput>) => {
  const requested = requestPriceImportApplyStep(input)
  emitEventStep({
    eventName: B2bEvents.PRICE_IMPORT_REQUESTED,
    data: transform({ requested }, ({ requested }) => ({ id: requested.id })),
  })
  return new WorkflowResponse(requested)
})
