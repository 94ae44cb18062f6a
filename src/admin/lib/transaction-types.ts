import type { PointsTransactionType } from "./types"

type BadgeColor = "green" | "red" | "blue" | "orange" | "grey" | "purple"

/** How each kind of ledger entry is named and coloured in the points history. */
export const TRANSACTION_TYPE_DISPLAY: Record<PointsTransactionType, { label: string; color: BadgeColor }> = {
  earn: { label: "Earned", color: "green" },
  redeem: { label: "Redeemed", color: "blue" },
  expire: { label: "Expired", color: "orange" },
  reverse: { label: "Reversed", color: "red" },
  adjust: { label: "Adjusted", color: "purple" },
  referral: { label: "Referral", color: "green" },
  reward: { label: "Reward", color: "purple" },
}
