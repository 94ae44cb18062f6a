import { z } from "@medusajs/framework/zod"
import { BROWSING_EVENT_TYPES } from "../../../modules/browsing/types"

export const StoreBrowsingEvent = z
  .object({
    type: z.enum(BROWSING_EVENT_TYPES, { message: `type must be one of: ${BROWSING_EVENT_TYPES.join(", ")}` }),
    product_id: z.string({ message: "product_id must be a product id" }).trim().min(1, { message: "product_id must not be empty" }).max(100),
    anonymous_id: z
      .string({ message: "anonymous_id must be a string" })
      .regex(/^[A-Za-z0-9_-]{8,100}$/, { message: "anonymous_id must be 8-100 letters, digits, _ or -" })
      .optional(),
    tracking_consent: z.boolean({ message: "tracking_consent must be true or false" }).optional(),
  })
  .strict()
export type StoreBrowsingEventType = z.infer<typeof StoreBrowsingEvent>
