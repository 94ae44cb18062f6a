import type { PurchaseRewardType } from "./types"

/** How each kind of purchase reward is named on screen. */
export const REWARD_TYPE_LABELS: Record<PurchaseRewardType, string> = {
  gift_shipment: "Gift shipment",
  promotion_code: "Promotion code for a free unit",
  bonus_points: "Bonus points",
}
