import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { deletePromotionsStep } from "./steps/delete-promotions"
import { releaseCartHoldStep } from "./steps/release-cart-hold"

export const removeCartRedemptionWorkflowId = "remove-cart-redemption"

export type RemoveCartRedemptionInput = { cart_id: string; customer_id?: string }

/** Takes a redemption off a cart: the points are available again and the promotion goes away. */
export const removeCartRedemptionWorkflow = createWorkflow(removeCartRedemptionWorkflowId, (input: RemoveCartRedemptionInput) => {
  const { data: carts } = useQueryGraphStep({ entity: "cart", fields: ["id", "customer_id", "completed_at"], filters: { id: input.cart_id } })
  const released = releaseCartHoldStep(
    transform({ input, carts }, ({ input, carts }) => ({ cart_id: input.cart_id, customer_id: input.customer_id, cart: carts[0] }))
  )
  when({ released, carts }, ({ released, carts }) => !!released?.promotion_code && !!carts[0] && !carts[0].completed_at).then(() => {
    updateCartPromotionsWorkflow.runAsStep({
      input: transform({ input, released }, ({ input, released }) => ({
        cart_id: input.cart_id,
        promo_codes: [released!.promotion_code!],
        action: PromotionActions.REMOVE,
      })),
    })
  })
  when({ released }, ({ released }) => !!released?.promotion_id).then(() => {
    deletePromotionsStep(transform({ released }, ({ released }) => [released!.promotion_id!]))
  })
  return new WorkflowResponse(released)
})
