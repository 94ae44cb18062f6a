import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { contextKnex, transactionKnex } from "../../lib/module-knex"
import { EmailSuppression, MarketingMessage } from "./models"
import type { FrequencyCap, MessagingOptions, ReservedMessage, ReserveMessageInput } from "./types"

const DAY = 86_400_000
const DEFAULT_CAP: FrequencyCap = { maxMessages: 3, perDays: 7 }

/**
 * The ledger of marketing messages. A sender reserves a message before sending it: the
 * reservation is unique per idempotency key and, under the customer's advisory lock, counts the
 * customer's messages in the cap window, so two senders at once cannot both pass a full cap.
 */
class MessagingModuleService extends MedusaService({ MarketingMessage, EmailSuppression }) {
  protected readonly cap_: FrequencyCap | null

  constructor(container: Record<string, unknown>, options?: { messaging?: MessagingOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.cap_ = options?.messaging?.frequencyCap === undefined ? DEFAULT_CAP : options.messaging.frequencyCap
  }

  /** The frequency cap in force (null: none). */
  getFrequencyCap(): FrequencyCap | null {
    return this.cap_
  }

  /**
   * Reserves a message: returns the earlier reservation of the same key if there is one; else
   * records it as `suppressed` (reason `frequency_cap`) when the customer already had the cap's
   * worth of messages in the window, or as `reserved` (to be sent now).
   */
  @InjectTransactionManager()
  async reserveMessage(input: ReserveMessageInput, @MedusaContext() sharedContext: Context = {}): Promise<ReservedMessage> {
    const knex = transactionKnex(sharedContext)
    await knex.raw(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`messaging:${input.customer_id}`])
    const [existing] = await knex("marketing_message").where({ idempotency_key: input.idempotency_key }).select("id", "status", "reason")
    if (existing) {
      return { ...existing, created: false }
    }
    const now = input.now ?? new Date()
    let status: ReservedMessage["status"] = "reserved"
    let reason: string | null = null
    if (this.cap_) {
      const [{ count }] = await knex("marketing_message")
        .where({ customer_id: input.customer_id })
        .whereIn("status", ["reserved", "sent"])
        .andWhere("reserved_at", ">", new Date(now.getTime() - this.cap_.perDays * DAY))
        .count<{ count: string }[]>("* as count")
      if (Number(count) >= this.cap_.maxMessages) {
        status = "suppressed"
        reason = "frequency_cap"
      }
    }
    const id = generateEntityId(undefined, "mmsg")
    await knex("marketing_message").insert({
      id,
      customer_id: input.customer_id,
      kind: input.kind,
      source_id: input.source_id,
      idempotency_key: input.idempotency_key,
      to: input.to ?? null,
      template: input.template ?? null,
      status,
      reason,
      reserved_at: now,
    })
    return { id, status, reason, created: true }
  }

  /** Records the outcome of sending reserved messages. */
  @InjectTransactionManager()
  async recordOutcome(
    input: { id: string; status: "sent" | "failed"; provider_message_id?: string | null; reason?: string | null; at?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const knex = transactionKnex(sharedContext)
    await knex("marketing_message")
      .where({ id: input.id })
      .whereIn("status", ["reserved", "failed"])
      .update({
        status: input.status,
        provider_message_id: input.provider_message_id ?? null,
        reason: input.reason ?? null,
        sent_at: input.status === "sent" ? (input.at ?? new Date()) : null,
        updated_at: new Date(),
      })
  }

  /** The addresses among `emails` no marketing e-mail may go to. */
  @InjectManager()
  async listSuppressedEmails(emails: string[], @MedusaContext() sharedContext: Context = {}): Promise<Set<string>> {
    if (!emails.length) {
      return new Set()
    }
    const rows: { email: string }[] = await contextKnex(sharedContext)("email_suppression")
      .whereIn("email", emails.map((e) => e.toLowerCase()))
      .whereNull("deleted_at")
      .select("email")
    return new Set(rows.map((r) => r.email))
  }
}

export default MessagingModuleService
