import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreMarketingConsent } from "./validators"

export const storeMarketingConsentMiddlewares: MiddlewareRoute[] = [
  { methods: ["ALL"], matcher: "/store/marketing-consent*", middlewares: [authenticate("customer", ["session", "bearer"])] },
  { methods: ["POST"], matcher: "/store/marketing-consent", middlewares: [validateAndTransformBody(StoreMarketingConsent)] },
]
