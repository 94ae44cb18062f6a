import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerFactsEvents, type CustomerFactsBulkRefreshedPayload } from "../../modules/customer-facts/events"
import { backfillCustomerFactsStep } from "./steps/backfill-customer-facts"
import { recomputeRfmStep } from "./steps/recompute-rfm"

export const backfillCustomerFactsWorkflowId = "backfill-customer-facts"

export type BackfillCustomerFactsInput = { page_size?: number; after?: string | null }

/**
 * Builds the facts of every customer from Medusa's customers and orders (first install, or a
 * check against the event-built facts), then the RFM scores, then announces a bulk change so
 * segments run a full refresh. Idempotent and resumable.
 */
export const backfillCustomerFactsWorkflow = createWorkflow(backfillCustomerFactsWorkflowId, (input: BackfillCustomerFactsInput) => {
  const backfill = backfillCustomerFactsStep({ page_size: input.page_size, after: input.after })
  const rfm = recomputeRfmStep({})
  emitEventStep({
    eventName: CustomerFactsEvents.BULK_REFRESHED,
    data: transform({ backfill }, ({ backfill }): CustomerFactsBulkRefreshedPayload => ({ customers: backfill.customers, reason: "backfill" })),
  })
  return new WorkflowResponse(transform({ backfill, rfm }, ({ backfill, rfm }) => ({ ...backfill, ...rfm })))
})
