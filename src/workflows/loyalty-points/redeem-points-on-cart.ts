import { PromotionActions } from "@medusajs/framework/utils"
import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateCartPromotionsWorkflow, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { createRedemptionPromotionStep } from "./steps/create-redemption-promotion"
import { deletePromotionsStep } from "./steps/delete-promotions"
import { holdPointsStep } from "./steps/hold-points"
import { priceCartRedemptionStep } from "./steps/price-cart-redemption"

export const redeemPointsOnCartWorkflowId = "redeem-points-on-cart"

export type RedeemPointsOnCartInput = { cart_id: string; customer_id: string; points: number }

/**
 * Redeems points on the logged-in customer's open cart: prices them under the merchant's limits,
 * holds them (not available elsewhere), and adds a single-use promotion worth that amount to the
 * cart, so Medusa's cart totals include it. Redeeming again replaces the previous redemption.
 */
export const redeemPointsOnCartWorkflow = createWorkflow(redeemPointsOnCartWorkflowId, (input: RedeemPointsOnCartInput) => {
  const { data: carts } = useQueryGraphStep({
    entity: "cart",
    fields: ["id", "customer_id", "currency_code", "item_subtotal", "completed_at"],
    filters: { id: input.cart_id },
  })
  const priced = priceCartRedemptionStep(
    transform({ carts, input }, ({ carts, input }) => ({ cart: carts[0], customer_id: input.customer_id, points: input.points }))
  )
  const promotion = createRedemptionPromotionStep(
    transform({ priced, input }, ({ priced, input }) => ({
      customer_id: input.customer_id,
      currency_code: priced.currency_code,
      amount: priced.amount,
    }))
  )
  const held = holdPointsStep(
    transform({ priced, input, promotion }, ({ priced, input, promotion }) => ({
      customer_id: input.customer_id,
      cart_id: input.cart_id,
      points: input.points,
      amount: priced.amount,
      currency_code: priced.currency_code,
      expires_at: priced.expires_at,
      promotion_id: promotion.id,
      promotion_code: promotion.code,
    }))
  )
  when({ held }, ({ held }) => !!held.released_promotion?.code).then(() => {
    updateCartPromotionsWorkflow.runAsStep({
      input: transform({ input, held }, ({ input, held }) => ({
        cart_id: input.cart_id,
        promo_codes: [held.released_promotion!.code!],
        action: PromotionActions.REMOVE,
      })),
    }).config({ name: "remove-previous-redemption" })
    deletePromotionsStep(transform({ held }, ({ held }) => [held.released_promotion!.id!]))
  })
  updateCartPromotionsWorkflow.runAsStep({
    input: transform({ input, promotion }, ({ input, promotion }) => ({
      cart_id: input.cart_id,
      promo_codes: [promotion.code],
      action: PromotionActions.ADD,
    })),
  })
  return new WorkflowResponse(
    transform({ held, priced, promotion, input }, ({ held, priced, promotion, input }) => ({
      hold_id: held.hold_id,
      points: input.points,
      amount: priced.amount,
      currency_code: priced.currency_code,
      promotion_code: promotion.code,
    }))
  )
})
