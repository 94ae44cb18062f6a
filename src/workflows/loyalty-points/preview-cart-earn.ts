import { MedusaError } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { ORDER_EARN_FIELDS, toEarnOrder, type OrderGraph } from "./order-earn-input"
import { computeOrderEarnStep } from "./steps/compute-order-earn"

export const previewCartEarnWorkflowId = "preview-cart-earn"

export type PreviewCartEarnInput = { cart_id: string; customer_id: string }

/** The cart must be the logged-in customer's (another customer's cart does not exist for them). */
const ensureOwnCartStep = createStep("ensure-own-cart", async (input: { cart: OrderGraph | undefined; cart_id: string; customer_id: string }) => {
  if (!input.cart || input.cart.customer_id !== input.customer_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${input.cart_id}" not found`)
  }
  return new StepResponse(input.cart)
})

/**
 * What the cart would earn if ordered now: the same earn rules, multipliers and tier multiplier,
 * through the same step as the real earn on order.placed.
 */
export const previewCartEarnWorkflow = createWorkflow(previewCartEarnWorkflowId, (input: PreviewCartEarnInput) => {
  const { data: carts } = useQueryGraphStep({
    entity: "cart",
    fields: ORDER_EARN_FIELDS.filter((f) => f !== "created_at"),
    filters: { id: input.cart_id },
  })
  const cart = ensureOwnCartStep(
    transform({ carts, input }, ({ carts, input }) => ({ cart: carts[0] as OrderGraph | undefined, cart_id: input.cart_id, customer_id: input.customer_id }))
  )
  const earn = computeOrderEarnStep(
    transform({ cart }, ({ cart }) => ({ order: toEarnOrder({ ...cart, created_at: new Date() }), customer_id: cart.customer_id }))
  )
  return new WorkflowResponse(
    transform({ earn }, ({ earn }) => ({
      points: earn.entries.reduce((sum, e) => sum + e.points, 0),
      rule_id: earn.rule_id,
      lines: earn.entries.map((e) => ({ line_item_id: e.line_item_id, points: e.points, rate: e.rate, amount: e.base_amount })),
    }))
  )
})
