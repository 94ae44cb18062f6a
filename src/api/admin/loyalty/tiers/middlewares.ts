import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listTiersQueryConfig, retrieveTierQueryConfig } from "./query-config"
import { AdminCreateTier, AdminTierParams, AdminTiersParams, AdminUpdateTier } from "./validators"

export const adminTiersMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/tiers",
    middlewares: [validateAndTransformQuery(AdminTiersParams, listTiersQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/tiers",
    middlewares: [
      validateAndTransformBody(AdminCreateTier),
      validateAndTransformQuery(AdminTierParams, retrieveTierQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/tiers/:id",
    middlewares: [validateAndTransformQuery(AdminTierParams, retrieveTierQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/tiers/:id",
    middlewares: [
      validateAndTransformBody(AdminUpdateTier),
      validateAndTransformQuery(AdminTierParams, retrieveTierQueryConfig),
    ],
  },
]
