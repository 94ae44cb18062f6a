import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import type { ActionOutcome, ActionTarget } from "./types"

export type EmailProfile = { email: string | null; first_name: string | null; email_marketing_consent: boolean } | undefined

/**
 * Sends a template to the customer through the shared ledger: no marketing consent, an
 * unsubscribed or bounced address, or the global frequency cap suppress it; otherwise the message
 * is reserved under the step's key and handed to the Notification module with that key, so a
 * retry after a crash finds the reservation (or the notification) and sends nothing twice.
 */
export async function sendJourneyEmail(
  container: MedusaContainer,
  target: ActionTarget,
  step: { template: string; subject?: string },
  profile: EmailProfile,
  blocked: Set<string>
): Promise<ActionOutcome> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const to = (target.context.email as string | undefined) ?? profile?.email ?? null
  if (!to) return { outcome: "suppressed", reason: "no_email" }
  if (!profile?.email_marketing_consent) return { outcome: "suppressed", reason: "no_consent" }
  if (blocked.has(to.toLowerCase())) return { outcome: "suppressed", reason: "unsubscribed" }
  const message = await messaging.reserveMessage({
    customer_id: target.customer_id,
    kind: "automation",
    source_id: target.journey_id,
    idempotency_key: target.key,
    to,
    template: step.template,
    now: target.now,
  })
  if (message.status === "suppressed") return { outcome: "suppressed", reason: message.reason ?? "frequency_cap", detail: { message_id: message.id } }
  if (message.status === "sent") return { outcome: "done", detail: { message_id: message.id } }
  try {
    const [notification] = await container.resolve(Modules.NOTIFICATION).createNotifications([
      {
        to,
        channel: "email",
        template: step.template,
        idempotency_key: target.key,
        data: {
          subject: step.subject ?? null,
          first_name: profile?.first_name ?? null,
          automation: target.automation_name,
          cart_id: target.context.cart_id ?? null,
          promotion_code: target.context.promotion_code ?? null,
        },
      },
    ])
    await messaging.recordOutcome({ id: message.id, status: "sent", provider_message_id: notification?.id ?? null })
    return { outcome: "done", detail: { message_id: message.id } }
  } catch (e) {
    const reason = (e as Error).message.slice(0, 500)
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`automation journey ${target.journey_id}: e-mail failed: ${reason}`)
    await messaging.recordOutcome({ id: message.id, status: "failed", reason })
    return { outcome: "failed", reason, detail: { message_id: message.id } }
  }
}
