/** Events the loyalty module emits (payload: `{ customer_id, order_id?, points }`). */
export const LoyaltyPointsEvents = {
  POINTS_EARNED: "loyalty.points_earned",
  POINTS_REVERSED: "loyalty.points_reversed",
} as const
