import type { INotificationModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { linkSecret } from "../../../lib/link-secret"
import { signToken } from "../../../lib/signed-token"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"
import type { ReminderOutcome, ReminderRow } from "../../../modules/reminders/service"
import type { SuppressionReason } from "../../../modules/reminders/types"

export const REORDER_TOKEN_PURPOSE = "reorder"

/** The Notification module with the soft delete MedusaService generates (its interface does not declare it). */
type NotificationModule = INotificationModuleService & { softDeleteNotifications(ids: string[]): Promise<unknown> }

export type SendDueRemindersResult = {
  claimed: number
  sent: number
  /** Sends the provider refused that are scheduled again for a later run. */
  retrying: number
  /** Sends refused after the last retry: final. */
  failed: number
  suppressed: Partial<Record<SuppressionReason, number>>
}

type Rule = Awaited<ReturnType<RemindersModuleService["listReminderRules"]>>[number]

const covers = (rule: Rule, item: { product_id?: string | null; variant_id?: string | null }) =>
  rule.variant_id
    ? item.variant_id === rule.variant_id || rule.substitute_variant_ids.includes(item.variant_id ?? "") || rule.substitute_product_ids.includes(item.product_id ?? "")
    : item.product_id === rule.product_id || rule.substitute_product_ids.includes(item.product_id ?? "") || rule.substitute_variant_ids.includes(item.variant_id ?? "")

/** Customers with an open cart (updated since `since`) holding something each rule covers. */
async function openCartsCovering(container: MedusaContainer, customerIds: string[], rules: Map<string, Rule>, since: Date) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: ["id", "customer_id", "completed_at", "updated_at", "items.product_id", "items.variant_id"],
    filters: { customer_id: customerIds },
  })
  const open = new Set<string>()
  for (const cart of carts) {
    if (cart.completed_at || new Date(cart.updated_at) < since) continue
    for (const rule of rules.values()) {
      if ((cart.items ?? []).some((item) => item && covers(rule, item))) open.add(`${rule.id}:${cart.customer_id}`)
    }
  }
  return open
}

/** The product titles of rules without a title of their own (the e-mail names the product either way). */
async function productTitles(container: MedusaContainer, rules: Map<string, Rule>) {
  const ids = [...new Set([...rules.values()].filter((r) => !r.title).map((r) => r.product_id))]
  if (!ids.length) {
    return new Map<string, string>()
  }
  const { data: products } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "product", fields: ["id", "title"], filters: { id: ids } })
  return new Map(products.map((p) => [p.id, p.title]))
}

/** E-mails per Notification module call: it sends a call's e-mails all at once, so this bounds the provider's concurrency. */
const NOTIFICATIONS_PER_CALL = 100

const keyOf = (reminder: ReminderRow) => `reminder:${reminder.id}`

/** Which of these idempotency keys have a notification that did not fail (sent, or being sent by another run). */
async function deliveredKeys(container: MedusaContainer, keys: string[]) {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "notification",
    fields: ["idempotency_key", "status"],
    filters: { idempotency_key: keys },
  })
  return new Set(data.filter((n) => n.status !== "failure").map((n) => String(n.idempotency_key)))
}

/**
 * Before a failed send is tried again: its failed notification is soft-deleted so the retry
 * creates a fresh one under the same idempotency key. Medusa's createNotifications does retry a
 * key whose notification failed, but then updates a notification id it never stored and throws
 * after the provider sent the e-mail (2.21.2), which would read as another failure and send again.
 */
async function releaseFailedNotifications(container: MedusaContainer, keys: string[]) {
  if (!keys.length) {
    return
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "notification",
    fields: ["id", "status"],
    filters: { idempotency_key: keys },
  })
  const failed = data.filter((n) => n.status === "failure").map((n) => n.id)
  if (failed.length) {
    await container.resolve<NotificationModule>(Modules.NOTIFICATION).softDeleteNotifications(failed)
  }
}

/** The one-click reorder link of a reminder: the reminder and its customer, signed, valid until `expiresAt`. */
const reorderUrl = (publicUrl: string, reminder: ReminderRow, expiresAt: Date) =>
  `${publicUrl.replace(/\/$/, "")}/r/reorder?token=${encodeURIComponent(signToken(linkSecret(), REORDER_TOKEN_PURPOSE, { r: reminder.id, c: reminder.customer_id }, expiresAt))}`

/**
 * Sends the reminders that are due, batch by batch: claims them, re-checks each right before
 * sending (reordered the product or a substitute, an open cart holding it, no marketing consent,
 * an unsubscribed or bounced address, the global frequency cap) and keeps the suppressed ones with
 * their reason, then sends the rest through Medusa's Notification module, 100 per call, each with
 * its message's idempotency key. The ledger, the notifications and the reminders' status change
 * a batch (or 100 e-mails) at a time, not one reminder at a time. A reminder is claimed by one run only; a crash leaves a claim
 * another run takes over after the lease, and the reservation plus the notification's idempotency
 * key make the retry send nothing twice. A send the provider refused is tried again on a later
 * run (`sendRetries`, with backoff) under the same message and idempotency key, then fails for
 * good. Nothing to compensate: every transition is recorded.
 */
export async function sendDueReminders(container: MedusaContainer, input: { now?: Date; max_batches?: number } = {}): Promise<SendDueRemindersResult> {
  const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const options = reminders.getRemindersOptions()
  const result: SendDueRemindersResult = { claimed: 0, sent: 0, retrying: 0, failed: 0, suppressed: {} }
  for (let batch = 0; batch < (input.max_batches ?? Infinity); batch++) {
    const now = input.now ?? new Date()
    const claimed = await reminders.claimDueReminders({ now, limit: options.batchSize, lease_minutes: options.leaseMinutes })
    if (!claimed.length) break
    result.claimed += claimed.length
    const customerIds = [...new Set(claimed.map((r) => r.customer_id))]
    const rules = new Map(
      (await reminders.listReminderRules({ id: [...new Set(claimed.map((r) => r.rule_id))] })).map((r) => [r.id, r])
    )
    const profiles = new Map((await facts.listCustomerFacts({ customer_id: customerIds })).map((f) => [f.customer_id, f]))
    const coverage = new Map((await reminders.computeCoverage({ customer_ids: customerIds })).map((c) => [`${c.rule_id}:${c.customer_id}`, c]))
    const titles = await productTitles(container, rules)
    const carts = await openCartsCovering(container, customerIds, rules, new Date(now.getTime() - options.openCartDays * 86_400_000))
    const blocked = await messaging.listSuppressedEmails([...profiles.values()].map((p) => p.email ?? "").filter(Boolean))

    const outcomes: ReminderOutcome[] = []
    const suppress = (reminder: ReminderRow, reason: SuppressionReason) => outcomes.push({ id: reminder.id, claim_token: reminder.claim_token!, status: "suppressed", reason })
    const reordered: string[] = []
    const sendable: { reminder: ReminderRow; rule: Rule; email: string; first_name: string | null }[] = []
    for (const reminder of claimed) {
      const rule = rules.get(reminder.rule_id)
      const profile = profiles.get(reminder.customer_id)
      const current = coverage.get(`${reminder.rule_id}:${reminder.customer_id}`)
      if (!rule || !rule.is_active) {
        suppress(reminder, "rule_inactive")
      } else if (!current?.covered_until || new Date(current.covered_until).getTime() !== new Date(reminder.coverage_end).getTime()) {
        reordered.push(reminder.customer_id)
        suppress(reminder, "reordered")
      } else if (carts.has(`${reminder.rule_id}:${reminder.customer_id}`)) {
        suppress(reminder, "open_cart")
      } else if (!profile?.email) {
        suppress(reminder, "no_email")
      } else if (!profile.email_marketing_consent) {
        suppress(reminder, "no_consent")
      } else if (blocked.has(profile.email)) {
        suppress(reminder, "unsubscribed")
      } else {
        sendable.push({ reminder, rule, email: profile.email, first_name: profile.first_name })
      }
    }

    // The frequency cap counts the window and this batch, under each customer's lock.
    const reserved = await messaging.reserveMessages({
      kind: "reminder",
      now,
      messages: sendable.map(({ reminder, rule, email }) => ({
        customer_id: reminder.customer_id,
        source_id: reminder.id,
        idempotency_key: keyOf(reminder),
        to: email,
        template: rule.template,
      })),
    })
    const toSend: typeof sendable = []
    for (const item of sendable) {
      const message = reserved.get(keyOf(item.reminder))!
      if (message.status === "suppressed") {
        suppress(item.reminder, "frequency_cap")
      } else if (message.status === "sent") {
        // A run before this one sent it and stopped before completing the reminder.
        outcomes.push({ id: item.reminder.id, claim_token: item.reminder.claim_token!, status: "sent", message_id: message.id })
      } else {
        toSend.push(item)
      }
    }

    for (let i = 0; i < toSend.length; i += NOTIFICATIONS_PER_CALL) {
      const chunk = toSend.slice(i, i + NOTIFICATIONS_PER_CALL)
      let error: Error | null = null
      // attempts counts claims: above 1, an earlier run may have left a failed notification.
      await releaseFailedNotifications(container, chunk.filter(({ reminder }) => reminder.attempts > 1).map(({ reminder }) => keyOf(reminder)))
      try {
        await notifications.createNotifications(
          chunk.map(({ reminder, rule, email, first_name }) => ({
            to: email,
            channel: "email",
            template: rule.template,
            idempotency_key: keyOf(reminder),
            data: {
              first_name,
              product_title: rule.title ?? titles.get(rule.product_id) ?? null,
              runs_out_at: reminder.coverage_end,
              reminder_number: reminder.sequence,
              reorder_url: reorderUrl(options.publicUrl, reminder, new Date(now.getTime() + options.reorderLinkDays * 86_400_000)),
            },
          }))
        )
      } catch (e) {
        // One failed send fails the whole call; which ones went out is in the notifications.
        error = e as Error
        logger.warn(`reminders: sending ${chunk.length} e-mails, some failed: ${error.message}`)
      }
      const delivered = error ? await deliveredKeys(container, chunk.map(({ reminder }) => keyOf(reminder))) : null
      const sent = chunk.filter(({ reminder }) => !delivered || delivered.has(keyOf(reminder)))
      const failed = chunk.filter(({ reminder }) => delivered && !delivered.has(keyOf(reminder)))
      const reason = error?.message.slice(0, 500) ?? null
      await messaging.recordOutcomes({ ids: sent.map(({ reminder }) => reserved.get(keyOf(reminder))!.id), status: "sent" })
      if (failed.length) {
        await messaging.recordOutcomes({ ids: failed.map(({ reminder }) => reserved.get(keyOf(reminder))!.id), status: "failed", reason })
      }
      for (const { reminder } of sent) {
        outcomes.push({ id: reminder.id, claim_token: reminder.claim_token!, status: "sent", message_id: reserved.get(keyOf(reminder))!.id })
      }
      for (const { reminder } of failed) {
        outcomes.push({ id: reminder.id, claim_token: reminder.claim_token!, status: "failed", reason })
      }
    }

    const completed = new Map((await reminders.completeReminders({ outcomes, now })).map((c) => [c.id, c.status]))
    for (const outcome of outcomes) {
      const status = completed.get(outcome.id)
      if (!status) continue
      if (outcome.status === "sent") result.sent++
      else if (outcome.status === "failed" && status === "scheduled") result.retrying++
      else if (outcome.status === "failed") result.failed++
      else result.suppressed[outcome.reason as SuppressionReason] = (result.suppressed[outcome.reason as SuppressionReason] ?? 0) + 1
    }
    if (reordered.length) {
      await reminders.syncCoverage({ customer_ids: reordered, now })
    }
  }
  return result
}

export const sendDueRemindersStep = createStep("send-due-reminders", async (input: { now?: Date | string; max_batches?: number }, { container }) => {
  return new StepResponse(await sendDueReminders(container, { now: input.now ? new Date(input.now) : undefined, max_batches: input.max_batches }))
})
