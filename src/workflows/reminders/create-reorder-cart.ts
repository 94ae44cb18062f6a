import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createCartWorkflow } from "@medusajs/medusa/core-flows"
import { prepareReorderCartStep } from "./steps/prepare-reorder-cart"
import { recordReorderCartStep } from "./steps/record-reorder-cart"

export const createReorderCartWorkflowId = "create-reorder-cart"

/**
 * A one-click reorder from a reminder e-mail: checks the signed link, creates a cart for that
 * customer with what they last bought (Medusa's own cart workflow, so prices and promotions apply
 * as at checkout), or returns the cart the link already made.
 */
export const createReorderCartWorkflow = createWorkflow(createReorderCartWorkflowId, (input: { token: string }) => {
  const plan = prepareReorderCartStep(input)
  const created = when({ plan }, ({ plan }) => plan.cart !== null).then(() => {
    const cart = createCartWorkflow.runAsStep({
      input: transform({ plan }, ({ plan }) => ({
        customer_id: plan.cart!.customer_id,
        email: plan.cart!.email ?? undefined,
        region_id: plan.cart!.region_id,
        sales_channel_id: plan.cart!.sales_channel_id ?? undefined,
        shipping_address: plan.cart!.shipping_address ?? undefined,
        items: plan.cart!.items,
        metadata: { source: "reminder-reorder", reminder_id: plan.cart!.reminder_id },
      })),
    })
    recordReorderCartStep(transform({ plan, cart }, ({ plan, cart }) => ({ reminder_id: plan.cart!.reminder_id, cart_id: cart.id })))
    return cart
  })
  return new WorkflowResponse(transform({ plan, created }, ({ plan, created }) => ({ cart_id: plan.existing_cart_id ?? created!.id })))
})
