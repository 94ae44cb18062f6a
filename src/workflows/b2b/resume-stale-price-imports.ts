import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { listStalePriceImportsStep } from "./steps/list-stale-price-imports"

export type ResumeStalePriceImportsWorkflowInput = { now?: Date | string }

export const resumeStalePriceImportsWorkflowId = "resume-stale-price-imports"

/**
 * Hands the imports a crashed worker left behind back to the worker: each is requested again and
 * taken over where it stopped (an applying one goes on from the rows not yet applied).
 */
export const resumeStalePriceImportsWorkflow = createWorkflow(resumeStalePriceImportsWorkflowId, (input: WorkflowData<ResumeStalePriceImportsWorkflowInput>) => {
  const stale = listStalePriceImportsStep(input)
  emitEventStep({
    eventName: B2bEvents.PRICE_IMPORT_REQUESTED,
    data: transform({ stale }, ({ stale }) => stale.map((job) => ({ id: job.id }))),
  })
  return new WorkflowResponse(stale)
})
