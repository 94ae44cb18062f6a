import { z } from "@medusajs/framework/zod"

const choice = (field: string) => z.boolean({ message: `${field} must be true or false` }).optional()

export const StoreMarketingConsent = z
  .object({ email_marketing: choice("email_marketing"), sms_marketing: choice("sms_marketing"), tracking: choice("tracking") })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "give at least one of email_marketing, sms_marketing, tracking" })
export type StoreMarketingConsentType = z.infer<typeof StoreMarketingConsent>
