import { authenticate, type MiddlewareRoute } from "@medusajs/framework/http"

export const storeRemindersMiddlewares: MiddlewareRoute[] = [
  { methods: ["ALL"], matcher: "/store/reminders/me*", middlewares: [authenticate("customer", ["session", "bearer"])] },
]
