import { z } from "@medusajs/framework/zod"

export const AdminLoyaltyBalanceCheckParams = z.object({
  /** One customer, several (repeated or comma-separated), or none for every account. */
  customer_id: z
    .preprocess(
      (value) => (typeof value === "string" ? value.split(",") : value),
      z.array(z.string().trim().min(1, { message: "customer_id must not be empty" })).min(1).max(1000)
    )
    .optional(),
})
export type AdminLoyaltyBalanceCheckParamsType = z.infer<typeof AdminLoyaltyBalanceCheckParams>
