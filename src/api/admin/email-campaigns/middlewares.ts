import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCreateEmailCampaign,
  AdminEmailCampaignPreviewParams,
  AdminEmailCampaignsParams,
  AdminEmailCampaignStatus,
  AdminEmailCampaignTestSend,
  AdminUpdateEmailCampaign,
} from "./validators"

export const adminEmailCampaignsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/email-campaigns", middlewares: [validateAndTransformQuery(AdminEmailCampaignsParams, { isList: true, defaultLimit: 20, defaults: [] })] },
  { methods: ["POST"], matcher: "/admin/email-campaigns", middlewares: [validateAndTransformBody(AdminCreateEmailCampaign)] },
  { methods: ["POST"], matcher: "/admin/email-campaigns/:id", middlewares: [validateAndTransformBody(AdminUpdateEmailCampaign)] },
  { methods: ["POST"], matcher: "/admin/email-campaigns/:id/status", middlewares: [validateAndTransformBody(AdminEmailCampaignStatus)] },
  { methods: ["GET"], matcher: "/admin/email-campaigns/:id/preview", middlewares: [validateAndTransformQuery(AdminEmailCampaignPreviewParams, {})] },
  { methods: ["POST"], matcher: "/admin/email-campaigns/:id/test-send", middlewares: [validateAndTransformBody(AdminEmailCampaignTestSend)] },
]
