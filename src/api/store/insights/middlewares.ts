import { authenticate, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreAlsoBoughtParams } from "./validators"

export const storeInsightsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/store/insights/products/:id/also-bought", middlewares: [validateAndTransformQuery(StoreAlsoBoughtParams, {})] },
  { methods: ["GET"], matcher: "/store/insights/offers", middlewares: [authenticate("customer", ["session", "bearer"])] },
]
