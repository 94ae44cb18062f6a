import type { Context } from "@medusajs/framework/types"
import { generateEntityId, InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { contextKnex, sqlBindings, transactionKnex } from "../../lib/module-knex"
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
    const { kind, now, ...message } = input
    const reserved = await this.reserveMessages({ kind, now, messages: [message] }, sharedContext)
    return reserved.get(input.idempotency_key)!
  }

  /**
   * Reserves many messages at once (a campaign batch): the same rules as `reserveMessage` — an
   * earlier reservation of a key is returned as it is, the cap counts the window and this batch —
   * in a handful of statements. Returns each key's reservation.
   */
  @InjectTransactionManager()
  async reserveMessages(
    input: { kind: ReserveMessageInput["kind"]; now?: Date; messages: Omit<ReserveMessageInput, "kind" | "now">[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Map<string, ReservedMessage>> {
    const knex = transactionKnex(sharedContext)
    const result = new Map<string, ReservedMessage>()
    if (!input.messages.length) {
      return result
    }
    const now = input.now ?? new Date()
    const customers = [...new Set(input.messages.map((m) => m.customer_id))].sort()
    await knex.raw(`select count(pg_advisory_xact_lock(hashtextextended('messaging:' || c, 0))) from unnest(?::text[]) as c`, [customers])
    const existing: { id: string; idempotency_key: string; status: ReservedMessage["status"]; reason: string | null }[] = (
      await knex.raw(`select id, idempotency_key, status, reason from marketing_message where idempotency_key = any(?::text[])`, [
        input.messages.map((m) => m.idempotency_key),
      ])
    ).rows
    for (const e of existing) {
      result.set(e.idempotency_key, { id: e.id, status: e.status, reason: e.reason, created: false })
    }
    const counts = new Map<string, number>()
    if (this.cap_) {
      const { rows }: { rows: { customer_id: string; count: string }[] } = await knex.raw(
        `select customer_id, count(*) as count from marketing_message
         where customer_id = any(?::text[]) and status in ('reserved', 'sent') and reserved_at > ?
         group by customer_id`,
        sqlBindings(customers, new Date(now.getTime() - this.cap_.perDays * DAY))
      )
      for (const r of rows) counts.set(r.customer_id, Number(r.count))
    }
    const fresh: { id: string; customer_id: string; source_id: string; idempotency_key: string; to: string | null; template: string | null; status: string; reason: string | null }[] = []
    for (const m of input.messages) {
      if (result.has(m.idempotency_key)) continue
      const used = counts.get(m.customer_id) ?? 0
      const capped = !!this.cap_ && used >= this.cap_.maxMessages
      if (!capped) counts.set(m.customer_id, used + 1)
      const id = generateEntityId(undefined, "mmsg")
      const status: ReservedMessage["status"] = capped ? "suppressed" : "reserved"
      const reason = capped ? "frequency_cap" : null
      fresh.push({ id, customer_id: m.customer_id, source_id: m.source_id, idempotency_key: m.idempotency_key, to: m.to ?? null, template: m.template ?? null, status, reason })
      result.set(m.idempotency_key, { id, status, reason, created: true })
    }
    if (fresh.length) {
      // One array a column: a batch of a thousand is one short statement, not 10,000 bindings.
      const column = <K extends keyof (typeof fresh)[number]>(key: K) => fresh.map((f) => f[key])
      await knex.raw(
        `insert into marketing_message (id, customer_id, kind, source_id, idempotency_key, "to", template, status, reason, reserved_at)
         select v.id, v.customer_id, ?, v.source_id, v.idempotency_key, v.to, v.template, v.status, v.reason, ?
         from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
           as v(id, customer_id, source_id, idempotency_key, "to", template, status, reason)`,
        sqlBindings(
          input.kind,
          now,
          column("id"),
          column("customer_id"),
          column("source_id"),
          column("idempotency_key"),
          column("to"),
          column("template"),
          column("status"),
          column("reason")
        )
      )
    }
    return result
  }

  /** Records that many reserved messages went out (or failed) at once. */
  @InjectTransactionManager()
  async recordOutcomes(
    input: { ids: string[]; status: "sent" | "failed"; provider_message_id?: string | null; reason?: string | null; at?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    if (!input.ids.length) {
      return
    }
    await transactionKnex(sharedContext)("marketing_message")
      .whereIn("id", input.ids)
      .whereIn("status", ["reserved", "failed"])
      .update({
        status: input.status,
        provider_message_id: input.provider_message_id ?? null,
        reason: input.reason ?? null,
        sent_at: input.status === "sent" ? (input.at ?? new Date()) : null,
        updated_at: new Date(),
      })
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
