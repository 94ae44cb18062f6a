import type { MiddlewareRoute } from "@medusajs/framework/http"
import { adminLoyaltyBalanceCheckMiddlewares } from "./balance-check/middlewares"
import { adminLoyaltyCustomersMiddlewares } from "./customers/middlewares"
import { adminEarnRulesMiddlewares } from "./earn-rules/middlewares"
import { adminGiftShipmentsMiddlewares } from "./gift-shipments/middlewares"
import { adminPurchaseRewardRulesMiddlewares } from "./purchase-reward-rules/middlewares"
import { adminLoyaltyReportMiddlewares } from "./report/middlewares"
import { adminTiersMiddlewares } from "./tiers/middlewares"

export const adminLoyaltyMiddlewares: MiddlewareRoute[] = [
  ...adminLoyaltyCustomersMiddlewares,
  ...adminLoyaltyBalanceCheckMiddlewares,
  ...adminEarnRulesMiddlewares,
  ...adminPurchaseRewardRulesMiddlewares,
  ...adminGiftShipmentsMiddlewares,
  ...adminLoyaltyReportMiddlewares,
  ...adminTiersMiddlewares,
]
