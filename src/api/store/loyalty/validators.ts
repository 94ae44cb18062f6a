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
