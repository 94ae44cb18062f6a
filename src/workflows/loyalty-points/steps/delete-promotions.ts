import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

/** Soft-deletes promotions a released redemption no longer needs; compensation restores them. */
export const deletePromotionsStep = createStep(
  "delete-redemption-promotions",
  async (ids: string[], { container }) => {
    const list = ids.filter(Boolean)
    if (list.length) {
      await container.resolve(Modules.PROMOTION).softDeletePromotions(list)
    }
    return new StepResponse(undefined, list)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve(Modules.PROMOTION).restorePromotions(ids)
  }
)
