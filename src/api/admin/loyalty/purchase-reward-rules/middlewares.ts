import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listPurchaseRewardRulesQueryConfig, retrievePurchaseRewardRuleQueryConfig } from "./query-config"
import {
  AdminCreatePurchaseRewardRule,
  AdminPurchaseRewardRuleParams,
  AdminPurchaseRewardRulesParams,
  AdminUpdatePurchaseRewardRule,
} from "./validators"

export const adminPurchaseRewardRulesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/purchase-reward-rules",
    middlewares: [validateAndTransformQuery(AdminPurchaseRewardRulesParams, listPurchaseRewardRulesQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/purchase-reward-rules",
    middlewares: [
      validateAndTransformBody(AdminCreatePurchaseRewardRule),
      validateAndTransformQuery(AdminPurchaseRewardRuleParams, retrievePurchaseRewardRuleQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/purchase-reward-rules/:id",
    middlewares: [validateAndTransformQuery(AdminPurchaseRewardRuleParams, retrievePurchaseRewardRuleQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/purchase-reward-rules/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdatePurchaseRewardRule),
      validateAndTransformQuery(AdminPurchaseRewardRuleParams, retrievePurchaseRewardRuleQueryConfig),
    ],
  },
]
