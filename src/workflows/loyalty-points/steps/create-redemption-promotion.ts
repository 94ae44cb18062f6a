import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type CreateRedemptionPromotionInput = { customer_id: string; currency_code: string; amount: string }

/**
 * The promotion a redemption shows to the cart: a fixed amount off the order, in the cart's
 * currency, usable once and only by that customer. Compensation deletes it.
 */
export const createRedemptionPromotionStep = createStep(
  "create-redemption-promotion",
  async (input: CreateRedemptionPromotionInput, { container }) => {
    const promotions = container.resolve(Modules.PROMOTION)
    const code = `PTS-${generateEntityId(undefined, "").replace(/^_/, "").slice(-12).toUpperCase()}`
    const [promotion] = await promotions.createPromotions([
      {
        code,
        type: "standard",
        status: "active",
        is_automatic: false,
        limit: 1,
        application_method: {
          type: "fixed",
          target_type: "order",
          allocation: "across",
          value: Number(input.amount),
          currency_code: input.currency_code,
        },
        rules: [{ attribute: "customer.id", operator: "in", values: [input.customer_id] }],
      },
    ])
    return new StepResponse({ id: promotion.id, code: promotion.code! }, promotion.id)
  },
  async (promotionId, { container }) => {
    if (!promotionId) {
      return
    }
    await container.resolve(Modules.PROMOTION).softDeletePromotions([promotionId])
  }
)
