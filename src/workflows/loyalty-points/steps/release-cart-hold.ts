import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export type ReleaseCartHoldInput = {
  cart_id: string
  /** When set, the cart must belong to this customer (store route): otherwise 404. */
  customer_id?: string
  cart?: { id: string; customer_id: string | null } | undefined
}

/** Releases the points held on a cart; compensation puts the hold back. */
export const releaseCartHoldStep = createStep(
  "release-cart-hold",
  async (input: ReleaseCartHoldInput, { container }) => {
    if (input.customer_id && input.cart?.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${input.cart_id}" not found`)
    }
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const hold = await loyalty.releaseHold({ cart_id: input.cart_id })
    return new StepResponse(
      hold ? { hold_id: hold.id, promotion_id: hold.promotion_id, promotion_code: hold.promotion_code } : null,
      hold?.id ?? null
    )
  },
  async (holdId, { container }) => {
    if (!holdId) {
      return
    }
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    await loyalty.updatePointsHolds({ id: holdId, status: "held", released_at: null })
  }
)
