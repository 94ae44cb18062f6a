import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listEarnRulesQueryConfig, retrieveEarnRuleQueryConfig } from "./query-config"
import { AdminCreateEarnRule, AdminEarnRuleParams, AdminEarnRulesParams, AdminUpdateEarnRule } from "./validators"

export const adminEarnRulesMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/earn-rules",
    middlewares: [validateAndTransformQuery(AdminEarnRulesParams, listEarnRulesQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/earn-rules",
    middlewares: [
      validateAndTransformBody(AdminCreateEarnRule),
      validateAndTransformQuery(AdminEarnRuleParams, retrieveEarnRuleQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/earn-rules/:id",
    middlewares: [validateAndTransformQuery(AdminEarnRuleParams, retrieveEarnRuleQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/earn-rules/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateEarnRule),
      validateAndTransformQuery(AdminEarnRuleParams, retrieveEarnRuleQueryConfig),
    ],
  },
]
