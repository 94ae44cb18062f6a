import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

export const storeB2bMiddlewares: MiddlewareRoute[] = [
  { methods: ["ALL"], matcher: "/store/b2b/me*", middlewares: [authenticate("customer", ["session", "bearer"])] },
]
