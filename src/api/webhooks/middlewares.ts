import type { MiddlewareRoute } from "@medusajs/framework/http"

export const webhookMiddlewares: MiddlewareRoute[] = [
  // The signature is over the exact bytes SendGrid sent.
  { methods: ["POST"], matcher: "/webhooks/sendgrid", bodyParser: { preserveRawBody: true }, middlewares: [] },
]
