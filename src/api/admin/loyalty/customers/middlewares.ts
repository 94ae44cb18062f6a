import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listAdminPointsTransactionsQueryConfig } from "./query-config"
import { AdminAdjustPoints, AdminLoyaltyTransactionsParams } from "./validators"

export const adminLoyaltyCustomersMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/customers/:id/transactions",
    middlewares: [validateAndTransformQuery(AdminLoyaltyTransactionsParams, listAdminPointsTransactionsQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/customers/:id/adjustments",
    middlewares: [validateAndTransformBody(AdminAdjustPoints)],
  },
]
