import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"

export const POINTS_EXPIRING_TEMPLATE = "loyalty-points-expiring"

/**
 * E-mails customers whose points expire within `expiryWarningDays`, through Medusa's Notification
 * module, once per customer and first expiry date (the notification's idempotency key), page by
 * page. Sent mail cannot be unsent: nothing to compensate.
 */
export const sendExpiryWarningsStep = createStep("send-expiry-warnings", async (input: { now?: Date | string }, { container }) => {
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const days = loyalty.getLoyaltyOptions().expiryWarningDays
  if (!days) {
    return new StepResponse({ warned: 0 })
  }
  const customers = container.resolve(Modules.CUSTOMER)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const now = input.now ? new Date(input.now) : new Date()
  let after: string | undefined
  let warned = 0
  for (;;) {
    const page = await loyalty.listExpiringPoints({ within_days: days, now, after, limit: 500 })
    if (!page.length) break
    after = page[page.length - 1].customer_id
    const emails = await customers.listCustomers({ id: page.map((p) => p.customer_id) }, { select: ["id", "email", "first_name"] })
    const byId = new Map(emails.map((c) => [c.id, c]))
    const batch = page
      .filter((p) => byId.get(p.customer_id)?.email)
      .map((p) => ({
        to: byId.get(p.customer_id)!.email!,
        channel: "email",
        template: POINTS_EXPIRING_TEMPLATE,
        idempotency_key: `points-expiring:${p.customer_id}:${p.first_expiry.toISOString().slice(0, 10)}`,
        data: {
          customer_id: p.customer_id,
          first_name: byId.get(p.customer_id)!.first_name,
          points: p.points,
          expires_at: p.first_expiry.toISOString(),
        },
      }))
    if (batch.length) {
      const sent = await notifications.createNotifications(batch)
      warned += sent.length
    }
  }
  return new StepResponse({ warned })
})
