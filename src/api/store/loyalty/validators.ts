import { z } from "@medusajs/framework/zod"
import { createPaginationParams } from "../../utils/validators"

export const StoreLoyaltyTransactionsParams = createPaginationParams()
export type StoreLoyaltyTransactionsParamsType = z.infer<typeof StoreLoyaltyTransactionsParams>
