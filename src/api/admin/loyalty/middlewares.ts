import type { MiddlewareRoute } from "@medusajs/framework/http"
import { adminLoyaltyBalanceCheckMiddlewares } from "./balance-check/middlewares"
import { adminLoyaltyCustomersMiddlewares } from "./customers/middlewares"
import { adminEarnRulesMiddlewares } from "./earn-rules/middlewares"

export const adminLoyaltyMiddlewares: MiddlewareRoute[] = [
  ...adminLoyaltyCustomersMiddlewares,
  ...adminLoyaltyBalanceCheckMiddlewares,
  ...adminEarnRulesMiddlewares,
]
