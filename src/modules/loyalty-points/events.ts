/** Events the loyalty module emits (payload: `{ customer_id, order_id?, points }`). */
export const LoyaltyPointsEvents = {
  POINTS_EARNED: "loyalty.points_earned",
  POINTS_REVERSED: "loyalty.points_reversed",
  /**
   * payload: `{ customer_ids: string[] }`: balances changed by anything but an order's earn or
   * reversal (adjustments, redemptions and their restoring, expiry runs, referral and bonus-point
   * rewards, the backfill), so read models of the balance stay fresh with these four events.
   */
  POINTS_BALANCE_CHANGED: "loyalty.points_balance_changed",
  /** payload: `{ id, customer_id, rule_id, reward_type }` */
  PURCHASE_REWARD_ISSUED: "loyalty.purchase_reward_issued",
  /** payload: `{ customer_id, from_tier_id, to_tier_id }` */
  TIER_CHANGED: "loyalty.tier_changed",
  /** payload: `{ referral_id, referrer_customer_id, referee_customer_id, order_id }`: a referee's first order rewarded the referral. */
  REFERRAL_CONVERTED: "loyalty.referral_converted",
} as const
