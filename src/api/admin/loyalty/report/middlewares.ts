import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminLoyaltyReportParams } from "./validators"

export const adminLoyaltyReportMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/report",
    middlewares: [validateAndTransformQuery(AdminLoyaltyReportParams, {})],
  },
]
