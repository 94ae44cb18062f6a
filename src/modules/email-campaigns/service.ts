import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { randomUUID } from "node:crypto"
import { contextKnex, sqlBindings, transactionKnex } from "../../lib/module-knex"
import { CampaignAttribution, CampaignEvent, CampaignRecipient, EmailCampaign, EmailCampaignTemplate } from "./models"
import {
  CAMPAIGN_DEFAULTS,
  type CampaignEventInput,
  type EmailCampaignsOptions,
  type GroupOutcome,
  type RecipientRow,
  type ResolvedEmailCampaignsOptions,
} from "./types"

const DAY = 86_400_000
const newId = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

/**
 * E-mail campaigns: the audience snapshot, the recipients' status transitions while sending, the
 * events, attribution and the report. The audience is read set-based from the plugin's read
 * models (segment memberships, customer facts, suppressed addresses, the message ledger), so a
 * snapshot of millions is one statement; recipients are unique per campaign and customer and are
 * claimed in batches with `for update skip locked`, so two senders never take the same one.
 */
class EmailCampaignsModuleService extends MedusaService({
  EmailCampaign,
  EmailCampaignTemplate,
  CampaignRecipient,
  CampaignEvent,
  CampaignAttribution,
}) {
  protected readonly campaignOptions_: ResolvedEmailCampaignsOptions

  constructor(container: Record<string, unknown>, options?: { campaigns?: EmailCampaignsOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const o = options?.campaigns ?? {}
    this.campaignOptions_ = {
      ...CAMPAIGN_DEFAULTS,
      ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
      publicUrl: o.publicUrl ?? process.env.RETENTION_PUBLIC_URL ?? CAMPAIGN_DEFAULTS.publicUrl,
      batchSize: Math.min(1000, Math.max(1, o.batchSize ?? CAMPAIGN_DEFAULTS.batchSize)),
      sendConcurrency: Math.min(16, Math.max(1, Math.floor(o.sendConcurrency ?? CAMPAIGN_DEFAULTS.sendConcurrency))),
      sendgridApiKey: o.sendgridApiKey ?? process.env.SENDGRID_API_KEY ?? null,
      sendgridBaseUrl: o.sendgridBaseUrl ?? process.env.SENDGRID_BASE_URL ?? null,
      webhookPublicKey: o.webhookPublicKey ?? process.env.SENDGRID_WEBHOOK_PUBLIC_KEY ?? null,
    }
  }

  /** The options in force (defaults and environment filled in). */
  getCampaignOptions(): ResolvedEmailCampaignsOptions {
    return this.campaignOptions_
  }

  /**
   * Moves a campaign from one of `from` to `to` (a conditional update, so of two workers at once
   * only one moves it); a status not in `from` is refused with a message naming it. Returns the
   * previous status, for a compensation to restore.
   */
  @InjectTransactionManager()
  async transitionStatus(
    input: { id: string; from: string[]; to: string; set?: Record<string, unknown> },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    const knex = transactionKnex(sharedContext)
    const [campaign] = await knex("email_campaign").where({ id: input.id }).whereNull("deleted_at").forUpdate().select("status")
    if (!campaign) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Email campaign with id "${input.id}" not found`)
    }
    if (!input.from.includes(campaign.status)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `status: a ${campaign.status} campaign cannot become ${input.to} (only ${input.from.join(" or ")} can)`)
    }
    await knex("email_campaign").where({ id: input.id }).update({ ...(input.set ?? {}), status: input.to, updated_at: new Date() })
    return campaign.status
  }

  /**
   * Snapshots the audience once, when sending starts: the segment's members with an e-mail and
   * marketing consent, minus suppressed addresses and customers already at the frequency cap,
   * split into treatment and holdout by a hash of campaign and customer (the same people on any
   * re-run). A second call adds no one. Returns the sizes.
   */
  @InjectTransactionManager()
  async snapshotAudience(
    input: { campaign_id: string; cap?: { maxMessages: number; perDays: number } | null; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ audience: number; holdout: number; created: number }> {
    const knex = transactionKnex(sharedContext)
    const [campaign] = await knex("email_campaign").where({ id: input.campaign_id }).whereNull("deleted_at").forUpdate().select("*")
    if (!campaign) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Email campaign with id "${input.campaign_id}" not found`)
    }
    const languages: string[] = (await knex("email_campaign_template").where({ campaign_id: campaign.id }).whereNull("deleted_at").pluck("language"))
    const now = input.now ?? new Date()
    const cap = input.cap
    const capFilter = cap
      ? `and (select count(*) from marketing_message mm where mm.customer_id = cf.customer_id and mm.status in ('reserved', 'sent')
              and mm.reserved_at > ?) < ?`
      : ""
    const { rowCount } = await knex.raw(
      `insert into campaign_recipient (id, campaign_id, customer_id, email, first_name, language, "group", status, created_at, updated_at)
       select ${newId("ecrc")}, ?, cf.customer_id, cf.email, cf.first_name,
              case when lower(cf.metadata ->> ?) = any(?::text[]) then lower(cf.metadata ->> ?) else ? end,
              g.grp, case when g.grp = 'holdout' then 'held_out' else 'pending' end, now(), now()
       from segment_membership m
       join customer_fact cf on cf.customer_id = m.customer_id
       cross join lateral (select case when mod(abs(hashtextextended(? || ':' || cf.customer_id, 0)), 10000) < ? then 'holdout' else 'treatment' end as grp) g
       where m.segment_id = ? and cf.email is not null and cf.email_marketing_consent
         and not exists (select 1 from email_suppression s where s.email = cf.email and s.deleted_at is null)
         ${capFilter}
       on conflict (campaign_id, customer_id) do nothing`,
      sqlBindings(
        campaign.id,
        campaign.language_key,
        languages,
        campaign.language_key,
        campaign.default_language,
        campaign.id,
        Math.round(Number(campaign.holdout_percent) * 100),
        campaign.segment_id,
        ...(cap ? [new Date(now.getTime() - cap.perDays * DAY), cap.maxMessages] : [])
      )
    )
    const [{ audience, holdout }] = (
      await knex.raw(
        `select count(*)::int as audience, count(*) filter (where "group" = 'holdout')::int as holdout from campaign_recipient where campaign_id = ?`,
        [campaign.id]
      )
    ).rows
    await knex("email_campaign").where({ id: campaign.id }).update({ audience_size: audience, holdout_size: holdout, updated_at: now })
    return { audience, holdout, created: rowCount ?? 0 }
  }

  /**
   * Claims the next batch of pending treatment recipients of one language (a request carries one
   * body), marking them `sending` under a new batch id. Empty when nothing is left.
   */
  @InjectTransactionManager()
  async claimBatch(input: { campaign_id: string; limit?: number; now?: Date }, @MedusaContext() sharedContext: Context = {}): Promise<{ batch_id: string; recipients: RecipientRow[] }> {
    const knex = transactionKnex(sharedContext)
    const batchId = `ecb_${randomUUID().replace(/-/g, "")}`
    // The first pending recipient in (language, id) order, read off the (campaign_id, status,
    // language, id) index; the claim starts at its id, so no plan walks past the recipients
    // already sent (each claim would then cost more than the last: quadratic over a campaign).
    const [next] = await knex("campaign_recipient")
      .where({ campaign_id: input.campaign_id, status: "pending" })
      .orderBy([{ column: "language" }, { column: "id" }])
      .limit(1)
      .select("language", "id")
    if (!next) {
      return { batch_id: batchId, recipients: [] }
    }
    const { rows } = await knex.raw(
      `update campaign_recipient r set status = 'sending', batch_id = ?, claimed_at = ?, attempts = r.attempts + 1, updated_at = now()
       from (select id from campaign_recipient where campaign_id = ? and status = 'pending' and language = ? and id >= ?
             order by id limit ? for update skip locked) c
       where r.id = c.id
       returning r.*`,
      sqlBindings(batchId, input.now ?? new Date(), input.campaign_id, next.language, next.id, input.limit ?? this.campaignOptions_.batchSize)
    )
    return { batch_id: batchId, recipients: rows }
  }

  /**
   * Ends recipients of a claimed batch: sent (with SendGrid's message id), failed or suppressed
   * (with the reason), or back to pending for a later run. Found by primary key: only those still
   * `sending` under this batch change, so a batch recovered and claimed again elsewhere is left alone.
   */
  @InjectTransactionManager()
  async settleBatch(
    input: {
      batch_id: string
      status: "sent" | "failed" | "suppressed" | "pending"
      recipient_ids: string[]
      provider_message_id?: string | null
      reason?: string | null
      now?: Date
    },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    if (!input.recipient_ids.length) {
      return 0
    }
    const { rowCount } = await transactionKnex(sharedContext).raw(
      `update campaign_recipient set status = ?, provider_message_id = ?, reason = ?, sent_at = ?, batch_id = ?, updated_at = now()
       where id = any(?::text[]) and batch_id = ? and status = 'sending'`,
      sqlBindings(
        input.status,
        input.provider_message_id ?? null,
        input.reason ?? null,
        input.status === "sent" ? (input.now ?? new Date()) : null,
        input.status === "pending" ? null : input.batch_id,
        input.recipient_ids,
        input.batch_id
      )
    )
    return rowCount ?? 0
  }

  /**
   * Recovers batches a sender claimed and never settled (it crashed, or lost the connection after
   * SendGrid may have accepted the request): recipients SendGrid reported on (a `processed` or
   * later event, which arrives within seconds of acceptance) are sent; the others go back to
   * pending. Only claims older than the grace period are touched, so a webhook in flight is waited for.
   */
  @InjectTransactionManager()
  async recoverStaleBatches(input: { campaign_id: string; now?: Date; grace_minutes?: number }, @MedusaContext() sharedContext: Context = {}) {
    const knex = transactionKnex(sharedContext)
    const before = new Date((input.now ?? new Date()).getTime() - (input.grace_minutes ?? this.campaignOptions_.recoveryGraceMinutes) * 60_000)
    const { rowCount: sent } = await knex.raw(
      `update campaign_recipient r set status = 'sent', sent_at = coalesce(r.sent_at, r.claimed_at), updated_at = now()
       where r.campaign_id = ? and r.status = 'sending' and r.claimed_at < ?
         and exists (select 1 from campaign_event e where e.recipient_id = r.id)`,
      sqlBindings(input.campaign_id, before)
    )
    const { rowCount: requeued } = await knex.raw(
      `update campaign_recipient set status = 'pending', batch_id = null, updated_at = now()
       where campaign_id = ? and status = 'sending' and claimed_at < ?`,
      sqlBindings(input.campaign_id, before)
    )
    return { sent: sent ?? 0, requeued: requeued ?? 0 }
  }

  /**
   * Records events once each (unique event key) and stamps the recipients (first delivery, open,
   * click, bounce, unsubscribe). Returns the events that were new.
   */
  @InjectTransactionManager()
  async recordEvents(events: CampaignEventInput[], @MedusaContext() sharedContext: Context = {}): Promise<CampaignEventInput[]> {
    const knex = transactionKnex(sharedContext)
    if (!events.length) {
      return []
    }
    const { rows } = await knex.raw(
      `insert into campaign_event (id, campaign_id, recipient_id, type, event_key, occurred_at, url, source, created_at, updated_at)
       select ${newId("ecev")}, v.campaign_id, v.recipient_id, v.type, v.event_key, v.occurred_at, v.url, v.source, now(), now()
       from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[]) as v(campaign_id, recipient_id, type, event_key, occurred_at, url, source)
       where exists (select 1 from campaign_recipient r where r.id = v.recipient_id and r.campaign_id = v.campaign_id)
       on conflict (event_key) do nothing
       returning campaign_id, recipient_id, type, event_key, occurred_at, url, source`,
      sqlBindings(
        events.map((e) => e.campaign_id),
        events.map((e) => e.recipient_id),
        events.map((e) => e.type),
        events.map((e) => e.event_key),
        events.map((e) => e.occurred_at),
        events.map((e) => e.url ?? null),
        events.map((e) => e.source)
      )
    )
    const stamp: Record<string, string> = {
      delivered: "delivered_at",
      open: "opened_at",
      click: "clicked_at",
      bounce: "bounced_at",
      dropped: "bounced_at",
      unsubscribe: "unsubscribed_at",
      spamreport: "unsubscribed_at",
    }
    for (const [type, column] of Object.entries(stamp)) {
      const of = (rows as CampaignEventInput[]).filter((e) => e.type === type)
      if (!of.length) continue
      await knex.raw(
        `update campaign_recipient r set ?? = least(coalesce(r.??, v.at), v.at), updated_at = now()
         from unnest(?::text[], ?::timestamptz[]) as v(id, at) where r.id = v.id`,
        sqlBindings(column, column, of.map((e) => e.recipient_id), of.map((e) => e.occurred_at))
      )
    }
    return rows
  }

  /**
   * Credits an order to the latest campaign the customer clicked (or opened, where the campaign
   * counts opens) within its attribution window before the order. Once per order. Returns the
   * campaign credited, or null.
   */
  @InjectTransactionManager()
  async attributeOrder(
    input: { order_id: string; customer_id: string; placed_at: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string | null> {
    const knex = transactionKnex(sharedContext)
    const { rows } = await knex.raw(
      `with touches as (
         select r.id as recipient_id, r.campaign_id, t.touch, t.at
         from campaign_recipient r
         join email_campaign c on c.id = r.campaign_id and c.deleted_at is null
         cross join lateral (values ('click', r.clicked_at), ('open', case when c.attribution_model = 'click_or_open' then r.opened_at end)) as t(touch, at)
         where r.customer_id = ? and r."group" = 'treatment' and t.at is not null
           and t.at <= ? and t.at > ?::timestamptz - make_interval(days => c.attribution_window_days))
       insert into campaign_attribution (id, order_id, campaign_id, recipient_id, customer_id, touch, touched_at, placed_at, created_at, updated_at)
       select ${newId("ecat")}, ?, campaign_id, recipient_id, ?, touch, at, ?, now(), now()
       from touches order by at desc, touch limit 1
       on conflict (order_id) do nothing
       returning campaign_id`,
      sqlBindings(input.customer_id, input.placed_at, input.placed_at, input.order_id, input.customer_id, input.placed_at)
    )
    return rows[0]?.campaign_id ?? null
  }

  /** Per campaign of a page: sent and clicked recipients, attributed orders and revenue per currency (one grouped query each). */
  @InjectManager()
  async campaignListFigures(campaignIds: string[], @MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    const figures = new Map<string, { sent: number; clicked: number; attributed: { currency_code: string; orders: number; revenue: number }[] }>()
    if (!campaignIds.length) {
      return figures
    }
    const { rows: counts } = await knex.raw(
      `select campaign_id, count(*) filter (where status = 'sent')::int as sent, count(clicked_at)::int as clicked
       from campaign_recipient where campaign_id = any(?::text[]) group by campaign_id`,
      [campaignIds]
    )
    const { rows: revenue } = await knex.raw(
      `select a.campaign_id, o.currency_code, count(*)::int as orders, coalesce(sum(o.net_total), 0)::float as revenue
       from campaign_attribution a join order_fact o on o.source = 'medusa' and o.order_key = a.order_id
       where a.campaign_id = any(?::text[]) group by a.campaign_id, o.currency_code order by o.currency_code`,
      [campaignIds]
    )
    for (const id of campaignIds) figures.set(id, { sent: 0, clicked: 0, attributed: [] })
    for (const c of counts) Object.assign(figures.get(c.campaign_id)!, { sent: c.sent, clicked: c.clicked })
    for (const r of revenue) figures.get(r.campaign_id)!.attributed.push({ currency_code: r.currency_code, orders: r.orders, revenue: r.revenue })
    return figures
  }

  /**
   * The products most of a campaign's audience bought, most bought first: what
   * {{recommended_products}} picks from (the store's bestsellers would recommend pharmacy products to
   * software customers in a store that sells both).
   */
  @InjectManager()
  async popularAmongAudience(input: { campaign_id: string; limit?: number }, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const { rows } = await contextKnex(sharedContext).raw(
      `select p.product_id from campaign_recipient r join customer_product_fact p on p.customer_id = r.customer_id
       where r.campaign_id = ? and p.product_id is not null
       group by p.product_id order by count(distinct r.customer_id) desc, p.product_id limit ?`,
      [input.campaign_id, input.limit ?? 20]
    )
    return rows.map((r: { product_id: string }) => r.product_id)
  }

  /** Sent / failed / pending / sending counts, and the send rate over the last minute for an ETA. */
  @InjectManager()
  async campaignProgress(campaignId: string, @MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    const [row] = (
      await knex.raw(
        `select count(*) filter (where status = 'sent')::int as sent,
                count(*) filter (where status = 'failed')::int as failed,
                count(*) filter (where status = 'suppressed')::int as suppressed,
                count(*) filter (where status = 'pending')::int as pending,
                count(*) filter (where status = 'sending')::int as sending,
                count(*) filter (where status = 'held_out')::int as held_out,
                count(*) filter (where status = 'sent' and sent_at > now() - interval '60 seconds')::int as sent_last_minute
         from campaign_recipient where campaign_id = ?`,
        [campaignId]
      )
    ).rows
    const remaining = row.pending + row.sending
    const perSecond = row.sent_last_minute / 60
    return { ...row, remaining, per_second: Math.round(perSecond * 10) / 10, eta_seconds: remaining && perSecond ? Math.ceil(remaining / perSecond) : null }
  }

  /**
   * The report's raw figures: recipient counts by outcome, attributed orders and net revenue per
   * currency (read from the order facts, so refunds and cancels lower it), and per group and
   * currency the sums behind revenue per recipient within the window after sending (treatment:
   * recipients sent to; holdout: recipients held out).
   */
  @InjectManager()
  async campaignFigures(campaignId: string, @MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    const [campaign] = await knex("email_campaign").where({ id: campaignId }).select("*")
    if (!campaign) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Email campaign with id "${campaignId}" not found`)
    }
    const [counts] = (
      await knex.raw(
        `select count(*)::int as audience,
                count(*) filter (where "group" = 'holdout')::int as holdout,
                count(*) filter (where status = 'sent')::int as sent,
                count(*) filter (where status = 'failed')::int as failed,
                count(*) filter (where status = 'suppressed')::int as suppressed,
                count(delivered_at)::int as delivered, count(bounced_at)::int as bounced,
                count(opened_at)::int as opened, count(clicked_at)::int as clicked, count(unsubscribed_at)::int as unsubscribed
         from campaign_recipient where campaign_id = ?`,
        [campaignId]
      )
    ).rows
    const { rows: attributed } = await knex.raw(
      `select o.currency_code, count(*)::int as orders, coalesce(sum(o.net_total), 0)::float as revenue
       from campaign_attribution a join order_fact o on o.source = 'medusa' and o.order_key = a.order_id
       where a.campaign_id = ? group by o.currency_code order by o.currency_code`,
      [campaignId]
    )
    const from = campaign.started_at ? new Date(campaign.started_at) : null
    const to = from ? new Date(from.getTime() + campaign.attribution_window_days * DAY) : null
    const { rows: outcomes } = from
      ? await knex.raw(
          `with r as (
             select id, customer_id, "group" from campaign_recipient
             where campaign_id = ? and (("group" = 'treatment' and status = 'sent') or "group" = 'holdout')),
           per as (
             select r.id, r."group", o.currency_code, sum(o.net_total) as revenue
             from r join order_fact o on o.customer_id = r.customer_id and o.placed_at >= ? and o.placed_at < ?
             group by r.id, r."group", o.currency_code)
           select g."group", (select count(*) from r where r."group" = g."group")::int as recipients,
                  p.currency_code, count(p.id)::int as buyers,
                  coalesce(sum(p.revenue), 0)::float as revenue, coalesce(sum(p.revenue * p.revenue), 0)::float as revenue_sq
           from (values ('treatment'), ('holdout')) as g("group")
           left join per p on p."group" = g."group"
           group by g."group", p.currency_code`,
          sqlBindings(campaignId, from, to)
        )
      : { rows: [] }
    return { campaign, counts, attributed, outcomes: outcomes as GroupOutcome[], window: { from, to } }
  }
}

export default EmailCampaignsModuleService
