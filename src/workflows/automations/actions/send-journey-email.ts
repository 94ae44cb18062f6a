import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import type { ActionOutcome, ActionTarget } from "./types"

export type EmailProfile = { email: string | null; first_name: string | null; email_marketing_consent: boolean } | undefined

export type JourneyEmail = { target: ActionTarget; step: { template: string; subject?: string }; profile: EmailProfile }

/**
 * Sends templates to customers of a runner's batch through the shared ledger: no marketing
 * consent, an unsubscribed or bounced address, or the global frequency cap suppress one; the others
 * are reserved under their step's key (in a handful of statements for the whole batch) and handed
 * to the Notification module with that key, so a retry after a crash finds the reservation (or the
 * notification) and sends nothing twice. Returns each step key's outcome.
 */
export async function sendJourneyEmails(container: MedusaContainer, emails: JourneyEmail[], blocked: Set<string>): Promise<Map<string, ActionOutcome>> {
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const outcomes = new Map<string, ActionOutcome>()
  const sendable: (JourneyEmail & { to: string })[] = []
  for (const e of emails) {
    const to = (e.target.context.email as string | undefined) ?? e.profile?.email ?? null
    if (!to) outcomes.set(e.target.key, { outcome: "suppressed", reason: "no_email" })
    else if (!e.profile?.email_marketing_consent) outcomes.set(e.target.key, { outcome: "suppressed", reason: "no_consent" })
    else if (blocked.has(to.toLowerCase())) outcomes.set(e.target.key, { outcome: "suppressed", reason: "unsubscribed" })
    else sendable.push({ ...e, to })
  }
  if (!sendable.length) return outcomes
  const reserved = await messaging.reserveMessages({
    kind: "automation",
    now: sendable[0].target.now,
    messages: sendable.map((e) => ({ customer_id: e.target.customer_id, source_id: e.target.journey_id, idempotency_key: e.target.key, to: e.to, template: e.step.template })),
  })
  const toSend: (JourneyEmail & { to: string; message_id: string })[] = []
  for (const e of sendable) {
    const message = reserved.get(e.target.key)!
    if (message.status === "suppressed") outcomes.set(e.target.key, { outcome: "suppressed", reason: message.reason ?? "frequency_cap", detail: { message_id: message.id } })
    else if (message.status === "sent") outcomes.set(e.target.key, { outcome: "done", detail: { message_id: message.id } })
    else toSend.push({ ...e, message_id: message.id })
  }
  const notify = (batch: typeof toSend) =>
    notifications.createNotifications(
      batch.map((e) => ({
        to: e.to,
        channel: "email",
        template: e.step.template,
        idempotency_key: e.target.key,
        data: {
          subject: e.step.subject ?? null,
          first_name: e.profile?.first_name ?? null,
          automation: e.target.automation_name,
          cart_id: e.target.context.cart_id ?? null,
          promotion_code: e.target.context.promotion_code ?? null,
        },
      }))
    )
  const sent: string[] = []
  try {
    await notify(toSend)
    sent.push(...toSend.map((e) => e.message_id))
  } catch {
    // One bad message fails the whole call: send one by one to find it.
    for (const e of toSend) {
      try {
        await notify([e])
        sent.push(e.message_id)
      } catch (error) {
        const reason = (error as Error).message.slice(0, 500)
        container.resolve(ContainerRegistrationKeys.LOGGER).warn(`automation journey ${e.target.journey_id}: e-mail failed: ${reason}`)
        await messaging.recordOutcome({ id: e.message_id, status: "failed", reason })
        outcomes.set(e.target.key, { outcome: "failed", reason, detail: { message_id: e.message_id } })
      }
    }
  }
  await messaging.recordOutcomes({ ids: sent, status: "sent" })
  for (const e of toSend) {
    if (!outcomes.has(e.target.key)) outcomes.set(e.target.key, { outcome: "done", detail: { message_id: e.message_id } })
  }
  return outcomes
}
