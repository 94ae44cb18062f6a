import { z } from "@medusajs/framework/zod"
import { createPaginationParams } from "../../utils/validators"

export const StoreLoyaltyTransactionsParams = createPaginationParams()
export type StoreLoyaltyTransactionsParamsType = z.infer<typeof StoreLoyaltyTransactionsParams>

export const StoreRedeemPoints = z
  .object({
    points: z.number({ error: "points must be a whole number" }).int("points must be a whole number").positive("points must be positive"),
  })
  .strict()
export type StoreRedeemPointsType = z.infer<typeof StoreRedeemPoints>

export const StoreRegisterReferral = z
  .object({ code: z.string({ error: "code must be a string" }).trim().min(4, "code must have at least 4 characters").max(32, "code is too long") })
  .strict()
export type StoreRegisterReferralType = z.infer<typeof StoreRegisterReferral>
