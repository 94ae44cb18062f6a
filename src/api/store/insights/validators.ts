import { z } from "@medusajs/framework/zod"

/** "Customers also bought": how many products to show. */
export const StoreAlsoBoughtParams = z
  .object({
    limit: z.coerce
      .number({ error: "limit must be a whole number" })
      .int({ message: "limit must be a whole number" })
      .min(1, { message: "limit must be at least 1" })
      .max(50, { message: "limit must be at most 50" })
      .default(8),
  })
  .strict()
export type StoreAlsoBoughtParamsType = z.infer<typeof StoreAlsoBoughtParams>
