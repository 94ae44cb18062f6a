import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminCoPurchasesParams,
  AdminComputeCoPurchases,
  AdminCreatePropensityModel,
  AdminCreatePropensitySegment,
  AdminCreateUpgradePath,
  AdminPropensityCustomersParams,
  AdminUpdateUpgradePath,
  AdminUpgradeOwnersParams,
  AdminUpgradePathsParams,
} from "./validators"

export const adminInsightsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/insights/co-purchases", middlewares: [validateAndTransformQuery(AdminCoPurchasesParams, {})] },
  { methods: ["POST"], matcher: "/admin/insights/co-purchases/compute", middlewares: [validateAndTransformBody(AdminComputeCoPurchases)] },
  { methods: ["GET"], matcher: "/admin/insights/upgrade-paths", middlewares: [validateAndTransformQuery(AdminUpgradePathsParams, {})] },
  { methods: ["POST"], matcher: "/admin/insights/upgrade-paths", middlewares: [validateAndTransformBody(AdminCreateUpgradePath)] },
  { methods: ["POST"], matcher: "/admin/insights/upgrade-paths/:id", middlewares: [validateAndTransformBody(AdminUpdateUpgradePath)] },
  { methods: ["GET"], matcher: "/admin/insights/upgrade-paths/:id/owners", middlewares: [validateAndTransformQuery(AdminUpgradeOwnersParams, {})] },
  { methods: ["POST"], matcher: "/admin/insights/propensity-models", middlewares: [validateAndTransformBody(AdminCreatePropensityModel)] },
  { methods: ["GET"], matcher: "/admin/insights/propensity-models/:id/customers", middlewares: [validateAndTransformQuery(AdminPropensityCustomersParams, {})] },
  { methods: ["POST"], matcher: "/admin/insights/propensity-models/:id/segment", middlewares: [validateAndTransformBody(AdminCreatePropensitySegment)] },
]
