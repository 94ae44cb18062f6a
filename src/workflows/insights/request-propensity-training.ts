import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { InsightsEvents } from "../../modules/insights/events"
import { markPropensityPendingStep } from "./steps/mark-propensity-pending"

export type RequestPropensityTrainingWorkflowInput = { model_id: string }

export const requestPropensityTrainingWorkflowId = "request-propensity-training"

/** Asks the worker to retrain a model on today's facts (it is `pending` until then). */
export const requestPropensityTrainingWorkflow = createWorkflow(requestPropensityTrainingWorkflowId, (input: WorkflowData<RequestPropensityTrainingWorkflowInput>) => {
  const marked = markPropensityPendingStep(input)
  emitEventStep({ eventName: InsightsEvents.PROPENSITY_TRAINING_REQUESTED, data: transform({ marked }, ({ marked }) => ({ id: marked.model_id })) })
  return new WorkflowResponse(marked)
})
