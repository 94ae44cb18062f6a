import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCoPurchasesParams, AdminComputeCoPurchases } from "./validators"

export const adminInsightsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/insights/co-purchases", middlewares: [validateAndTransformQuery(AdminCoPurchasesParams, {})] },
  { methods: ["POST"], matcher: "/admin/insights/co-purchases/compute", middlewares: [validateAndTransformBody(AdminComputeCoPurchases)] },
]
