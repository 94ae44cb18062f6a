import { z } from "@medusajs/framework/zod"
import { POINTS_TRANSACTION_TYPES } from "../../../../modules/loyalty-points/models"
import { createEnumListParam, createPaginationParams } from "../../../utils/validators"

/** The most points one adjustment may move (the ledger's columns are 32-bit integers). */
export const MAX_ADJUSTMENT_POINTS = 100_000_000

export const AdminLoyaltyTransactionsParams = createPaginationParams().extend({
  type: createEnumListParam(POINTS_TRANSACTION_TYPES, "type").optional(),
})
export type AdminLoyaltyTransactionsParamsType = z.infer<typeof AdminLoyaltyTransactionsParams>

export const AdminAdjustPoints = z
  .object({
    points: z
      .number()
      .int()
      .min(-MAX_ADJUSTMENT_POINTS)
      .max(MAX_ADJUSTMENT_POINTS)
      .refine((points) => points !== 0, { message: "points must not be 0: positive credits, negative debits" }),
    reason: z.string().trim().min(1, { message: "reason must not be empty" }).max(500),
    idempotency_key: z.string().trim().min(1, { message: "idempotency_key must not be empty" }).max(200).optional(),
  })
  .strict()
export type AdminAdjustPointsType = z.infer<typeof AdminAdjustPoints>
