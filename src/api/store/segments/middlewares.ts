import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

export const storeSegmentsMiddlewares: MiddlewareRoute[] = [
  { methods: ["ALL"], matcher: "/store/segments/me*", middlewares: [authenticate("customer", ["session", "bearer"])] },
]
