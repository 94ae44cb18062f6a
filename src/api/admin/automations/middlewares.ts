import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listAutomationsQueryConfig, retrieveAutomationQueryConfig } from "./query-config"
import { AdminAutomationParams, AdminAutomationsParams, AdminCreateAutomation, AdminUpdateAutomation } from "./validators"

export const adminAutomationsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/automations", middlewares: [validateAndTransformQuery(AdminAutomationsParams, listAutomationsQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/automations",
    middlewares: [validateAndTransformBody(AdminCreateAutomation), validateAndTransformQuery(AdminAutomationParams, retrieveAutomationQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/automations/:id", middlewares: [validateAndTransformQuery(AdminAutomationParams, retrieveAutomationQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/automations/:id",
    middlewares: [validateAndTransformBody(AdminUpdateAutomation), validateAndTransformQuery(AdminAutomationParams, retrieveAutomationQueryConfig)],
  },
]
