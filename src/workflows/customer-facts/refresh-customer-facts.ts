import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerFactsEvents } from "../../modules/customer-facts/events"
import { refreshCustomerFactsStep } from "./steps/refresh-customer-facts"

export const refreshCustomerFactsWorkflowId = "refresh-customer-facts"

export type RefreshCustomerFactsInput = { customer_ids: string[] }

/**
 * Rebuilds customers' facts after an event touched them (an order, a refund, a profile or address
 * change, points), then announces it so segment memberships follow within seconds. Idempotent:
 * the facts are rebuilt from the sources, so a replayed event changes nothing.
 */
export const refreshCustomerFactsWorkflow = createWorkflow(refreshCustomerFactsWorkflowId, (input: RefreshCustomerFactsInput) => {
  const refreshed = refreshCustomerFactsStep({ customer_ids: input.customer_ids })
  when({ refreshed }, ({ refreshed }) => refreshed.customer_ids.length > 0).then(() => {
    emitEventStep({
      eventName: CustomerFactsEvents.REFRESHED,
      data: transform({ refreshed }, ({ refreshed }) => ({ customer_ids: refreshed.customer_ids })),
    })
  })
  return new WorkflowResponse(refreshed)
})
