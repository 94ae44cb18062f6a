import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createHash } from "node:crypto"
import type { ActionOutcome, ActionTarget } from "./types"

/** The code a journey's promotion step issues: derived from its key, so a retry finds the same code. */
export function journeyPromotionCode(key: string): string {
  return `AUTO-${createHash("sha256").update(key).digest("hex").slice(0, 12).toUpperCase()}`
}

/**
 * Issues a single-use promotion code only this customer can use (a percentage or a fixed amount
 * off the order). Later steps see it as `promotion_code` (an e-mail's variable).
 */
export async function issueJourneyPromotion(
  container: MedusaContainer,
  target: ActionTarget,
  step: { percentage?: number; amount?: number; currency_code?: string }
): Promise<ActionOutcome> {
  const promotions = container.resolve(Modules.PROMOTION)
  const code = journeyPromotionCode(target.key)
  const [existing] = await promotions.listPromotions({ code }, { select: ["id", "code"] })
  const promotion =
    existing ??
    (
      await promotions.createPromotions([
        {
          code,
          type: "standard",
          status: "active",
          is_automatic: false,
          limit: 1,
          application_method:
            step.percentage !== undefined
              ? { type: "percentage", target_type: "order", allocation: "across", value: step.percentage }
              : { type: "fixed", target_type: "order", allocation: "across", value: step.amount!, currency_code: step.currency_code! },
          rules: [{ attribute: "customer.id", operator: "in", values: [target.customer_id] }],
        },
      ])
    )[0]
  return { outcome: "done", detail: { promotion_id: promotion.id, promotion_code: code } }
}
