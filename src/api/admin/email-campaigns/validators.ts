import { z } from "@medusajs/framework/zod"
import { CAMPAIGN_STATUSES } from "../../../modules/email-campaigns/models/email-campaign"
import { createEnumListParam, createPaginationParams, oneOf } from "../../utils/validators"

const languageCode = (field: string) =>
  z
    .string({ message: `${field} must be a language code` })
    .regex(/^[a-z]{2}(-[a-z0-9]{2,8})?$/i, { message: `${field} must be a language code such as en or pt-br` })
    .transform((v) => v.toLowerCase())
const language = languageCode("language")
const email = (field: string) => z.string({ message: `${field} is required` }).trim().email({ message: `${field} must be an e-mail address` })

const template = z
  .object({
    language,
    subject: z.string({ message: "subject is required" }).trim().min(1, { message: "subject must not be empty" }).max(300),
    html: z.string({ message: "html is required" }).min(1, { message: "html must not be empty" }).max(500_000),
    text: z.string({ message: "text is required" }).min(1, { message: "text must not be empty" }).max(200_000),
  })
  .strict()

const campaignFields = {
  name: z.string({ message: "name is required" }).trim().min(1, { message: "name must not be empty" }).max(200),
  segment_id: z.string({ message: "segment_id is required" }).trim().min(1, { message: "segment_id must not be empty" }),
  from_email: email("from_email"),
  from_name: z.string().trim().max(200).nullish(),
  reply_to: email("reply_to").nullish(),
  default_language: languageCode("default_language").optional(),
  language_key: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/, { message: "language_key must be a metadata key" }).optional(),
  holdout_percent: z.number({ message: "holdout_percent must be a number" }).min(0, { message: "holdout_percent must be at least 0" }).max(50, { message: "holdout_percent must be at most 50" }).optional(),
  attribution_window_days: z.number({ message: "attribution_window_days must be a number" }).int().min(1, { message: "attribution_window_days must be at least 1" }).max(90, { message: "attribution_window_days must be at most 90" }).optional(),
  attribution_model: oneOf(["click", "click_or_open"] as const, "attribution_model").optional(),
  utm: z
    .object({ source: z.string().max(100).optional(), medium: z.string().max(100).optional(), campaign: z.string().max(100).optional(), content: z.string().max(100).optional() })
    .strict()
    .nullish(),
  templates: z.array(template, { message: "templates must be a list" }).min(1, { message: "templates must have at least one language" }).max(50),
}

export const AdminCreateEmailCampaign = z.object(campaignFields).strict()
export type AdminCreateEmailCampaignType = z.infer<typeof AdminCreateEmailCampaign>

export const AdminUpdateEmailCampaign = z.object(campaignFields).partial().strict()
export type AdminUpdateEmailCampaignType = z.infer<typeof AdminUpdateEmailCampaign>

export const AdminEmailCampaignStatus = z
  .object({
    action: oneOf(["schedule", "pause", "resume", "cancel"] as const, "action"),
    send_at: z
      .string()
      .refine((v) => !Number.isNaN(Date.parse(v)), { message: "send_at must be an ISO 8601 date-time" })
      .optional(),
  })
  .strict()
export type AdminEmailCampaignStatusType = z.infer<typeof AdminEmailCampaignStatus>

export const AdminEmailCampaignsParams = createPaginationParams().extend({ status: createEnumListParam(CAMPAIGN_STATUSES, "status").optional() })
export type AdminEmailCampaignsParamsType = z.infer<typeof AdminEmailCampaignsParams>

export const AdminEmailCampaignPreviewParams = z.object({
  customer_id: z.string({ message: "customer_id is required" }).min(1, { message: "customer_id must not be empty" }),
  language: language.optional(),
})
export type AdminEmailCampaignPreviewParamsType = z.infer<typeof AdminEmailCampaignPreviewParams>

export const AdminEmailCampaignTestSend = z
  .object({ email: email("email"), customer_id: z.string().min(1).optional(), language: language.optional() })
  .strict()
export type AdminEmailCampaignTestSendType = z.infer<typeof AdminEmailCampaignTestSend>
