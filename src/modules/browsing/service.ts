import type { Context } from "@medusajs/framework/types"
import { InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { sqlBindings, transactionKnex } from "../../lib/module-knex"
import { BrowsingActivity, BrowsingRateWindow } from "./models"
import {
  BROWSING_DEFAULTS,
  type BrowsingOptions,
  type BrowsingVisitor,
  type RecordBrowsingInput,
  type RecordBrowsingResult,
  type ResolvedBrowsingOptions,
} from "./types"

const DAY = 86_400_000
const NEW_ID = `'bact_' || replace(gen_random_uuid()::text, '-', '')`

/** The key a visitor's rows are stored under: the customer id, or `anon:` + the anonymous id. */
export function visitorKey(visitor: BrowsingVisitor): string {
  return "customer_id" in visitor ? visitor.customer_id : `anon:${visitor.anonymous_id}`
}

/** Midnight UTC of `at`'s day. */
export function activityDate(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY) * DAY)
}

/**
 * Browsing activity. Consent is the caller's to check (the workflow reads the customer's tracking
 * consent); this service rate-limits each visitor with a counter row per window, folds events into
 * one row per visitor, product and day, merges an anonymous visitor's rows into the customer at
 * login and purges what is older than the retention.
 */
class BrowsingModuleService extends MedusaService({ BrowsingActivity, BrowsingRateWindow }) {
  protected readonly browsingOptions_: ResolvedBrowsingOptions

  constructor(container: Record<string, unknown>, options?: { browsing?: BrowsingOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.browsingOptions_ = { ...BROWSING_DEFAULTS, ...(options?.browsing ?? {}) }
  }

  /** The options in force (defaults filled in). */
  getBrowsingOptions(): ResolvedBrowsingOptions {
    return this.browsingOptions_
  }

  /**
   * Counts one event against the visitor's rate window and, within the limit, adds it to the
   * visitor's row for the product and day. Over the limit nothing is stored.
   */
  @InjectTransactionManager()
  async recordActivity(input: RecordBrowsingInput, @MedusaContext() sharedContext: Context = {}): Promise<RecordBrowsingResult> {
    const knex = transactionKnex(sharedContext)
    const at = input.at ?? new Date()
    const key = visitorKey(input.visitor)
    const { maxEvents, windowSeconds } = this.browsingOptions_.rateLimit
    const windowStart = new Date(Math.floor(at.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000)
    const { rows: counted } = await knex.raw(
      `insert into browsing_rate_window (id, visitor_key, window_start, event_count, created_at, updated_at)
       values ('brw_' || replace(gen_random_uuid()::text, '-', ''), ?, ?, 1, now(), now())
       on conflict (visitor_key, window_start) do update set event_count = browsing_rate_window.event_count + 1, updated_at = now()
       returning event_count`,
      sqlBindings(key, windowStart)
    )
    if (counted[0].event_count > maxEvents) {
      return { recorded: false, reason: "rate_limited" }
    }
    const day = activityDate(at)
    const views = input.type === "product_viewed" ? 1 : 0
    await knex.raw(
      `insert into browsing_activity (id, visitor_key, customer_id, product_id, activity_date, view_count, cart_add_count, last_event_at, created_at, updated_at)
       values (${NEW_ID}, ?, ?, ?, ?, ?, ?, ?, now(), now())
       on conflict (visitor_key, product_id, activity_date) do update
         set view_count = browsing_activity.view_count + excluded.view_count,
             cart_add_count = browsing_activity.cart_add_count + excluded.cart_add_count,
             last_event_at = greatest(browsing_activity.last_event_at, excluded.last_event_at),
             updated_at = now()`,
      sqlBindings(key, "customer_id" in input.visitor ? input.visitor.customer_id : null, input.product_id, day, views, 1 - views, at)
    )
    return { recorded: true, visitor_key: key, product_id: input.product_id, activity_date: day, type: input.type }
  }

  /** Takes back one recorded event (a workflow compensating `recordActivity`). */
  @InjectTransactionManager()
  async unrecordActivity(
    input: { visitor_key: string; product_id: string; activity_date: Date; type: RecordBrowsingInput["type"] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const column = input.type === "product_viewed" ? "view_count" : "cart_add_count"
    await transactionKnex(sharedContext)("browsing_activity")
      .where({ visitor_key: input.visitor_key, product_id: input.product_id, activity_date: input.activity_date })
      .where(column, ">", 0)
      .decrement(column, 1)
  }

  /**
   * Moves an anonymous visitor's rows to the customer who just logged in, adding counts of the
   * same product and day together. Returns how many rows moved (0 on a replay).
   */
  @InjectTransactionManager()
  async mergeAnonymousActivity(input: { anonymous_id: string; customer_id: string }, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const { rowCount } = await transactionKnex(sharedContext).raw(
      `with moved as (delete from browsing_activity where visitor_key = ? returning product_id, activity_date, view_count, cart_add_count, last_event_at)
       insert into browsing_activity (id, visitor_key, customer_id, product_id, activity_date, view_count, cart_add_count, last_event_at, created_at, updated_at)
       select ${NEW_ID}, ?, ?, product_id, activity_date, view_count, cart_add_count, last_event_at, now(), now() from moved
       on conflict (visitor_key, product_id, activity_date) do update
         set view_count = browsing_activity.view_count + excluded.view_count,
             cart_add_count = browsing_activity.cart_add_count + excluded.cart_add_count,
             last_event_at = greatest(browsing_activity.last_event_at, excluded.last_event_at),
             updated_at = now()`,
      sqlBindings(visitorKey({ anonymous_id: input.anonymous_id }), input.customer_id, input.customer_id)
    )
    return rowCount ?? 0
  }

  /** Deletes a visitor's rows (an anonymous visitor who logged in as a customer without tracking consent). */
  @InjectTransactionManager()
  async forgetVisitor(visitor: BrowsingVisitor, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return transactionKnex(sharedContext)("browsing_activity").where({ visitor_key: visitorKey(visitor) }).delete()
  }

  /** Deletes activity older than the retention and rate windows that have ended. */
  @InjectTransactionManager()
  async purgeExpired(input: { now?: Date } = {}, @MedusaContext() sharedContext: Context = {}): Promise<{ activity: number; rate_windows: number }> {
    const knex = transactionKnex(sharedContext)
    const now = input.now ?? new Date()
    const keepFrom = new Date(activityDate(now).getTime() - this.browsingOptions_.retentionDays * DAY)
    const activity = await knex("browsing_activity").where("activity_date", "<", keepFrom).delete()
    const rateWindows = await knex("browsing_rate_window")
      .where("window_start", "<", new Date(now.getTime() - this.browsingOptions_.rateLimit.windowSeconds * 1000))
      .delete()
    return { activity, rate_windows: rateWindows }
  }
}

export default BrowsingModuleService
