import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerFactsEvents, type CustomerFactsBulkRefreshedPayload } from "../../modules/customer-facts/events"
import { recomputeRfmStep } from "./steps/recompute-rfm"

export const recomputeRfmWorkflowId = "recompute-rfm"

/** Nightly: recency moves with time, so the RFM boundaries and scores are recomputed for everyone. */
export const recomputeRfmWorkflow = createWorkflow(recomputeRfmWorkflowId, (input: { now?: Date | string }) => {
  const result = recomputeRfmStep({ now: input.now })
  emitEventStep({ eventName: CustomerFactsEvents.BULK_REFRESHED, data: transform({ result }, ({ result }): CustomerFactsBulkRefreshedPayload => ({ customers: result.customers_scored, reason: "rfm" })) })
  return new WorkflowResponse(result)
})
