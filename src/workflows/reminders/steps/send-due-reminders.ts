import type { MedusaContainer } from "@medusajs/framework/types"
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
import type { ReminderRow } from "../../../modules/reminders/service"
import type { SuppressionReason } from "../../../modules/reminders/types"

export const REORDER_TOKEN_PURPOSE = "reorder"

export type SendDueRemindersResult = { claimed: number; sent: number; failed: number; suppressed: Partial<Record<SuppressionReason, number>> }

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

/**
 * Sends the reminders that are due, batch by batch: claims them, re-checks each right before
 * sending (reordered the product or a substitute, an open cart holding it, no marketing consent,
 * an unsubscribed or bounced address, the global frequency cap) and keeps the suppressed ones with
 * their reason, then sends the rest through Medusa's Notification module with the message's
 * idempotency key. A reminder is claimed by one run only; a crash leaves a claim another run takes
 * over after the lease, and the reservation plus the notification's idempotency key make the retry
 * send nothing twice. Nothing to compensate: every transition is final and recorded.
 */
export async function sendDueReminders(container: MedusaContainer, input: { now?: Date; max_batches?: number } = {}): Promise<SendDueRemindersResult> {
  const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const options = reminders.getRemindersOptions()
  const result: SendDueRemindersResult = { claimed: 0, sent: 0, failed: 0, suppressed: {} }
  const suppress = async (r: ReminderRow, reason: SuppressionReason) => {
    if (await reminders.completeReminder({ id: r.id, claim_token: r.claim_token!, status: "suppressed", reason })) {
      result.suppressed[reason] = (result.suppressed[reason] ?? 0) + 1
    }
  }
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
    const reordered: string[] = []
    for (const reminder of claimed) {
      const rule = rules.get(reminder.rule_id)
      const profile = profiles.get(reminder.customer_id)
      const current = coverage.get(`${reminder.rule_id}:${reminder.customer_id}`)
      if (!rule || !rule.is_active) {
        await suppress(reminder, "rule_inactive")
        continue
      }
      if (!current?.covered_until || new Date(current.covered_until).getTime() !== new Date(reminder.coverage_end).getTime()) {
        reordered.push(reminder.customer_id)
        await suppress(reminder, "reordered")
        continue
      }
      if (carts.has(`${reminder.rule_id}:${reminder.customer_id}`)) {
        await suppress(reminder, "open_cart")
        continue
      }
      if (!profile?.email) {
        await suppress(reminder, "no_email")
        continue
      }
      if (!profile.email_marketing_consent) {
        await suppress(reminder, "no_consent")
        continue
      }
      if (blocked.has(profile.email)) {
        await suppress(reminder, "unsubscribed")
        continue
      }
      const key = `reminder:${reminder.id}`
      const message = await messaging.reserveMessage({
        customer_id: reminder.customer_id,
        kind: "reminder",
        source_id: reminder.id,
        idempotency_key: key,
        to: profile.email,
        template: rule.template,
        now,
      })
      if (message.status === "suppressed") {
        await suppress(reminder, "frequency_cap")
        continue
      }
      if (message.status === "sent") {
        await reminders.completeReminder({ id: reminder.id, claim_token: reminder.claim_token!, status: "sent", message_id: message.id })
        result.sent++
        continue
      }
      const token = signToken(
        linkSecret(),
        REORDER_TOKEN_PURPOSE,
        { r: reminder.id, c: reminder.customer_id },
        new Date(now.getTime() + options.reorderLinkDays * 86_400_000)
      )
      try {
        const [notification] = await notifications.createNotifications([
          {
            to: profile.email,
            channel: "email",
            template: rule.template,
            idempotency_key: key,
            data: {
              first_name: profile.first_name,
              product_title: rule.title ?? titles.get(rule.product_id) ?? null,
              runs_out_at: reminder.coverage_end,
              reminder_number: reminder.sequence,
              reorder_url: `${options.publicUrl.replace(/\/$/, "")}/r/reorder?token=${encodeURIComponent(token)}`,
            },
          },
        ])
        await messaging.recordOutcome({ id: message.id, status: "sent", provider_message_id: notification?.id ?? null })
        await reminders.completeReminder({ id: reminder.id, claim_token: reminder.claim_token!, status: "sent", message_id: message.id })
        result.sent++
      } catch (e) {
        logger.warn(`reminder ${reminder.id}: sending failed: ${(e as Error).message}`)
        await messaging.recordOutcome({ id: message.id, status: "failed", reason: (e as Error).message.slice(0, 500) })
        await reminders.completeReminder({ id: reminder.id, claim_token: reminder.claim_token!, status: "failed", reason: (e as Error).message.slice(0, 500) })
        result.failed++
      }
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
