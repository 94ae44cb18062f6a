import { validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminLoyaltyBalanceCheckParams } from "./validators"

export const adminLoyaltyBalanceCheckMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/balance-check",
    middlewares: [validateAndTransformQuery(AdminLoyaltyBalanceCheckParams, {})],
  },
]
