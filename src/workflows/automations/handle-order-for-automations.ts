import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { handleOrderForAutomationsStep } from "./steps/handle-order-for-automations"

export const handleOrderForAutomationsWorkflowId = "handle-order-for-automations"

/** An order ends the customer's journeys that exit on an order and starts Nth-order journeys. */
export const handleOrderForAutomationsWorkflow = createWorkflow(
  handleOrderForAutomationsWorkflowId,
  (input: { order_id: string; now?: Date | string }) => new WorkflowResponse(handleOrderForAutomationsStep(input))
)
