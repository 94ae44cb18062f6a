import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { HoldPointsInput } from "../../../modules/loyalty-points/types"

/**
 * Sets the points aside on the cart (releasing the cart's previous hold, returned so its promotion
 * can be removed). Compensation releases the new hold.
 */
export const holdPointsStep = createStep(
  "hold-points",
  async (input: HoldPointsInput, { container }) => {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const result = await loyalty.holdPoints({ ...input, expires_at: new Date(input.expires_at) })
    return new StepResponse(
      { hold_id: result.hold_id, released_promotion: result.released ? { id: result.released.promotion_id, code: result.released.promotion_code } : null },
      result.hold_id
    )
  },
  async (holdId, { container }) => {
    if (!holdId) {
      return
    }
    await container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).releaseHold({ hold_id: holdId })
  }
)
