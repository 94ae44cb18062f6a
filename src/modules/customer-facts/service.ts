import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { InjectManager, InjectTransactionManager, MathBN, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { contextKnex, sqlBindings, transactionKnex } from "../../lib/module-knex"
import {
  ConsentRecord,
  CustomerFact,
  CustomerProductFact,
  CustomerSpendFact,
  HistoryImport,
  OrderFact,
  PurchaseFact,
  RfmCutoff,
  StoreOrderGap,
} from "./models"
import type { ConsentInput, CustomerAttributes, CustomerFactsSnapshot, LoyaltyFacts, OrderFactInput } from "./types"
import { bigNumberColumns, rawBigNumberSql } from "./utils/big-number-column"
import { churnDay, recomputeStoreOrderGap, scoreOrderRhythm } from "./utils/order-rhythm"

const INSERT_CHUNK = 1000
const QUINTILES = "array[0.2, 0.4, 0.6, 0.8]::float8[]"

/** `column = any(ids)` for a set of customers, or every row when `ids` is undefined. */
type Scope = { where: (column: string) => string; bindings: Knex.RawBinding[] }
const scopeOf = (ids?: string[]): Scope =>
  ids ? { where: (column) => `${column} = any(?::text[])`, bindings: [ids] } : { where: () => "true", bindings: [] }

const newId = (prefix: string) => `'${prefix}_' || replace(gen_random_uuid()::text, '-', '')`

const PURCHASE_FACT_UPDATABLE = [
  "customer_id",
  "placed_at",
  "currency_code",
  "product_id",
  "variant_id",
  "sku",
  "quantity",
  "refunded_quantity",
  "net_quantity",
  "unit_amount",
  "raw_unit_amount",
  "net_amount",
  "raw_net_amount",
  "updated_at",
]

/** One order per key: lines of repeated keys are merged, the last line per line key winning. */
function mergeOrdersByKey(orders: OrderFactInput[]): OrderFactInput[] {
  const byKey = new Map<string, OrderFactInput>()
  for (const order of orders) {
    const previous = byKey.get(order.order_key)
    const lines = new Map((previous?.lines ?? []).map((l) => [l.line_key, l]))
    for (const line of order.lines) {
      lines.set(line.line_key, line)
    }
    byKey.set(order.order_key, { ...order, lines: [...lines.values()] })
  }
  return [...byKey.values()]
}

/** Table rows of order facts and their lines; ids are derived from the keys, so a row has one id for life. */
function orderFactRows(orders: OrderFactInput[], now: Date) {
  const orderRows = orders.map((o) => ({
    id: `ofact_${o.source}_${o.order_key}`,
    source: o.source,
    order_key: o.order_key,
    customer_id: o.customer_id,
    placed_at: o.placed_at,
    currency_code: o.currency_code,
    ...bigNumberColumns("total", o.total),
    ...bigNumberColumns("refunded_total", o.refunded_total),
    ...bigNumberColumns("net_total", MathBN.sub(o.total, o.refunded_total).toString()),
    item_quantity: o.lines.reduce((s, l) => s + l.quantity - l.refunded_quantity, 0),
    created_at: now,
    updated_at: now,
  }))
  const lineRows = orders.flatMap((o) =>
    o.lines.map((l) => ({
      id: `pfact_${o.source}_${o.order_key}_${l.line_key}`,
      source: o.source,
      order_key: o.order_key,
      line_key: l.line_key,
      customer_id: o.customer_id,
      placed_at: o.placed_at,
      currency_code: o.currency_code,
      product_id: l.product_id,
      variant_id: l.variant_id,
      sku: l.sku,
      quantity: l.quantity,
      refunded_quantity: l.refunded_quantity,
      net_quantity: l.quantity - l.refunded_quantity,
      ...bigNumberColumns("unit_amount", l.unit_amount),
      ...bigNumberColumns("net_amount", l.net_amount),
      created_at: now,
      updated_at: now,
    }))
  )
  return { orderRows, lineRows }
}

/**
 * The customer facts read model. Writers replace a customer's facts from the sources (Medusa's
 * customer and orders, imported history) and every aggregate is then recomputed by the same SQL
 * for one customer or for all, so facts built event by event equal a full recomputation.
 */
class CustomerFactsModuleService extends MedusaService({
  CustomerFact,
  CustomerSpendFact,
  OrderFact,
  PurchaseFact,
  CustomerProductFact,
  ConsentRecord,
  RfmCutoff,
  StoreOrderGap,
  HistoryImport,
}) {
  /**
   * Writes what one refresh read from Medusa for a set of customers: attributes, their Medusa
   * orders (replacing the previous ones; imported history is kept), consent from metadata when it
   * changed, loyalty facts; then recomputes their aggregates and RFM scores. Returns the customers
   * whose facts were rebuilt (an order that changed hands rebuilds its previous owner too).
   */
  @InjectTransactionManager()
  async writeCustomerFacts(snapshot: CustomerFactsSnapshot, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const knex = transactionKnex(sharedContext)
    const now = new Date()
    const ids = [...new Set([...snapshot.customers.map((c) => c.customer_id), ...snapshot.removed_customer_ids])]
    if (!ids.length) {
      return []
    }
    await this.upsertAttributes_(knex, snapshot.customers, now)
    const orderKeys = snapshot.orders.map((o) => o.order_key)
    const { rows: previousOwners } = await knex.raw(
      `delete from order_fact where source = 'medusa' and (customer_id = any(?::text[]) or order_key = any(?::text[])) returning customer_id`,
      [ids, orderKeys]
    )
    await knex.raw(`delete from purchase_fact where source = 'medusa' and (customer_id = any(?::text[]) or order_key = any(?::text[]))`, [ids, orderKeys])
    if (snapshot.removed_customer_ids.length) {
      await this.removeCustomers_(knex, snapshot.removed_customer_ids)
    }
    await this.insertOrderFacts_(knex, snapshot.orders, now)
    await this.insertConsents_(knex, snapshot.metadata_consents, now)
    await this.setLoyaltyFacts_(knex, snapshot.loyalty)
    const affected = [...new Set([...ids, ...previousOwners.map((r: { customer_id: string }) => r.customer_id)])].filter(
      (id) => !snapshot.removed_customer_ids.includes(id)
    )
    await this.recomputeAggregates_(knex, affected)
    return affected
  }

  /**
   * Stores imported historical orders (source `import`): an order reference and SKU already
   * imported is updated, never duplicated, and lines of that order absent from this call are
   * kept (a file may carry part of an order). The customers' aggregates are recomputed. Returns
   * the customers touched.
   */
  @InjectTransactionManager()
  async upsertImportedOrders(orders: OrderFactInput[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const knex = transactionKnex(sharedContext)
    const merged = mergeOrdersByKey(orders.map((o) => ({ ...o, source: "import" as const })))
    if (!merged.length) {
      return []
    }
    const keys = merged.map((o) => o.order_key)
    const previousOwners: { customer_id: string }[] = await knex("order_fact")
      .where({ source: "import" })
      .whereIn("order_key", keys)
      .select("customer_id")
    const { orderRows, lineRows } = orderFactRows(merged, new Date())
    for (let i = 0; i < orderRows.length; i += INSERT_CHUNK) {
      await knex("order_fact")
        .insert(orderRows.slice(i, i + INSERT_CHUNK))
        .onConflict(["source", "order_key"])
        .merge(["customer_id", "placed_at", "currency_code", "updated_at"])
    }
    for (let i = 0; i < lineRows.length; i += INSERT_CHUNK) {
      await knex("purchase_fact")
        .insert(lineRows.slice(i, i + INSERT_CHUNK))
        .onConflict(["source", "order_key", "line_key"])
        .merge(PURCHASE_FACT_UPDATABLE)
    }
    await knex.raw(
      `update purchase_fact p set customer_id = o.customer_id, placed_at = o.placed_at, currency_code = o.currency_code
       from order_fact o
       where o.source = 'import' and o.order_key = any(?::text[]) and p.source = 'import' and p.order_key = o.order_key
         and (p.customer_id <> o.customer_id or p.placed_at <> o.placed_at or p.currency_code <> o.currency_code)`,
      [keys]
    )
    await this.reconcileImportedOrderTotals_(knex, keys)
    const customers = [...new Set([...merged.map((o) => o.customer_id), ...previousOwners.map((r) => r.customer_id)])]
    await this.recomputeAggregates_(knex, customers)
    return customers
  }

  /** Records consent changes (a record is added only when it changes the customer's consent for that purpose). */
  @InjectTransactionManager()
  async recordConsents(entries: ConsentInput[], @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const knex = transactionKnex(sharedContext)
    const recorded = await this.insertConsents_(knex, entries, new Date())
    await this.refreshConsentFlags_(knex, [...new Set(entries.map((e) => e.customer_id))])
    return recorded
  }

  /** Updates points balance and tier facts. */
  @InjectTransactionManager()
  async setLoyaltyFacts(rows: LoyaltyFacts[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.setLoyaltyFacts_(transactionKnex(sharedContext), rows)
  }

  /**
   * Recomputes aggregates (spend per currency, products, order counts, main currency), consent
   * flags and RFM scores from the stored order and purchase facts, for the given customers or
   * (without ids) for everyone.
   */
  @InjectTransactionManager()
  async recomputeAggregates(input: { customer_ids?: string[] } = {}, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await this.recomputeAggregates_(transactionKnex(sharedContext), input.customer_ids)
  }

  /**
   * Recomputes the RFM quintile boundaries over every customer with orders, then everyone's scores;
   * and the store's typical order gap, then everyone's expected next order and churn risk as of
   * `now`. Recency and churn move with time, so this runs nightly and after bulk changes.
   */
  @InjectTransactionManager()
  async recomputeRfm(
    input: { now?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customers_scored: number; store_order_gap_days: number | null; churn_rescored: number }> {
    const knex = transactionKnex(sharedContext)
    const now = input.now ?? new Date()
    const [{ recency, frequency }] = (
      await knex.raw(
        `select percentile_cont(${QUINTILES}) within group (order by extract(epoch from last_order_at)) as recency,
                percentile_cont(${QUINTILES}) within group (order by order_count) as frequency
         from customer_fact where order_count > 0`
      )
    ).rows
    const { rows: monetary } = await knex.raw(
      `select main_currency_code as currency_code, percentile_cont(${QUINTILES}) within group (order by total_spent) as cutoffs
       from customer_fact where order_count > 0 and main_currency_code is not null group by main_currency_code`
    )
    const cutoffs: { dimension: string; currency_code: string; cutoffs: number[] | null }[] = [
      { dimension: "recency", currency_code: "", cutoffs: recency },
      { dimension: "frequency", currency_code: "", cutoffs: frequency },
      ...monetary.map((m: { currency_code: string; cutoffs: number[] }) => ({ dimension: "monetary", currency_code: m.currency_code, cutoffs: m.cutoffs })),
    ]
    await knex.raw(`delete from rfm_cutoff`)
    const present = cutoffs.filter((c) => c.cutoffs)
    if (present.length) {
      await knex("rfm_cutoff").insert(
        present.map((c) => ({
          id: `rfmc_${c.dimension}_${c.currency_code || "all"}`,
          dimension: c.dimension,
          currency_code: c.currency_code,
          cutoffs: JSON.stringify(c.cutoffs),
          computed_at: now,
        }))
      )
    }
    const customersScored = await this.scoreRfm_(knex, scopeOf())
    const storeGap = await recomputeStoreOrderGap(knex, now)
    const churnRescored = await scoreOrderRhythm(knex, churnDay(now), scopeOf().where, [])
    return { customers_scored: customersScored, store_order_gap_days: storeGap, churn_rescored: churnRescored }
  }

  /**
   * Reflects customers added to or removed from a Medusa customer group by the plugin itself (a
   * segment's sync), without re-reading each customer from Medusa.
   */
  @InjectTransactionManager()
  async applyGroupMembership(
    input: { customer_group_id: string; added: string[]; removed: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    const knex = transactionKnex(sharedContext)
    await knex.raw(
      `update customer_fact set group_ids = array(select distinct g from unnest(array_append(group_ids, ?)) g order by g)
       where customer_id = any(?::text[]) and not (? = any(group_ids))`,
      [input.customer_group_id, input.added, input.customer_group_id]
    )
    await knex.raw(`update customer_fact set group_ids = array_remove(group_ids, ?) where customer_id = any(?::text[])`, [
      input.customer_group_id,
      input.removed,
    ])
  }

  /** The products most customers bought (units kept), most bought first: a simple recommendation source. */
  @InjectManager()
  async listPopularProducts(input: { limit?: number } = {}, @MedusaContext() sharedContext: Context = {}): Promise<{ product_id: string; buyers: number }[]> {
    const knex = contextKnex(sharedContext)
    const rows: { product_id: string; buyers: string }[] = await knex("customer_product_fact")
      .whereNotNull("product_id")
      .groupBy("product_id")
      .orderByRaw("count(distinct customer_id) desc, product_id")
      .limit(input.limit ?? 20)
      .select("product_id", knex.raw("count(distinct customer_id) as buyers"))
    return rows.map((r) => ({ product_id: r.product_id, buyers: Number(r.buyers) }))
  }

  /**
   * What a message to many customers personalises with, in two set-based reads (a campaign batch
   * of 1000 through the ORM spent most of its time hydrating entities): points and tier per
   * customer, and which of `product_ids` (the candidates for recommendation) each one bought.
   */
  @InjectManager()
  async listRecipientFacts(
    input: { customer_ids: string[]; product_ids: string[] },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; points_balance: number; tier_id: string | null; bought_product_ids: string[] }[]> {
    if (!input.customer_ids.length) return []
    const knex = contextKnex(sharedContext)
    const { rows } = await knex.raw(
      `select f.customer_id, f.points_balance, f.tier_id,
              coalesce((select array_agg(p.product_id) from customer_product_fact p
                         where p.customer_id = f.customer_id and p.product_id = any(?::text[]) and p.deleted_at is null), '{}') as bought_product_ids
         from customer_fact f
        where f.customer_id = any(?::text[]) and f.deleted_at is null`,
      sqlBindings(input.product_ids, input.customer_ids)
    )
    return rows.map((r: { customer_id: string; points_balance: number | string | null; tier_id: string | null; bought_product_ids: string[] }) => ({
      customer_id: r.customer_id,
      points_balance: Number(r.points_balance ?? 0),
      tier_id: r.tier_id,
      bought_product_ids: r.bought_product_ids,
    }))
  }

  /** Everything the facts hold about one customer: the row, spend per currency, products bought, the consent history. */
  @InjectManager()
  async retrieveCustomerProfile(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    const knex = contextKnex(sharedContext)
    const [fact] = await knex("customer_fact").where({ customer_id: customerId }).select("*")
    const spend = await knex("customer_spend_fact").where({ customer_id: customerId }).orderBy("order_count", "desc").select("*")
    const products = await knex("customer_product_fact").where({ customer_id: customerId }).orderBy("last_purchased_at", "desc").select("*")
    const consents = await knex("consent_record")
      .where({ customer_id: customerId })
      .whereNull("deleted_at")
      .orderBy("recorded_at", "desc")
      .limit(50)
      .select("purpose", "granted", "source", "recorded_at", "note")
    return { fact: fact ?? null, spend, products, consents }
  }

  private async upsertAttributes_(knex: Knex, customers: CustomerAttributes[], now: Date) {
    for (let i = 0; i < customers.length; i += INSERT_CHUNK) {
      const rows = customers.slice(i, i + INSERT_CHUNK).map((c) => ({
        id: `cfact_${c.customer_id}`,
        customer_id: c.customer_id,
        email: c.email,
        email_domain: c.email?.includes("@") ? c.email.slice(c.email.lastIndexOf("@") + 1) : null,
        first_name: c.first_name,
        last_name: c.last_name,
        has_account: c.has_account,
        customer_created_at: c.customer_created_at,
        group_ids: c.group_ids,
        metadata: c.metadata ? JSON.stringify(c.metadata) : null,
        country_code: c.country_code,
        province: c.province,
        city: c.city,
        postal_code: c.postal_code,
        refreshed_at: now,
      }))
      await knex("customer_fact")
        .insert(rows)
        .onConflict("customer_id")
        .merge([
          "email",
          "email_domain",
          "first_name",
          "last_name",
          "has_account",
          "customer_created_at",
          "group_ids",
          "metadata",
          "country_code",
          "province",
          "city",
          "postal_code",
          "refreshed_at",
        ])
    }
  }

  private async removeCustomers_(knex: Knex, ids: string[]) {
    for (const table of ["order_fact", "purchase_fact", "customer_spend_fact", "customer_product_fact", "customer_fact"]) {
      await knex.raw(`delete from ?? where customer_id = any(?::text[])`, [table, ids])
    }
  }

  private async insertOrderFacts_(knex: Knex, orders: OrderFactInput[], now: Date) {
    const { orderRows, lineRows } = orderFactRows(orders, now)
    for (let i = 0; i < orderRows.length; i += INSERT_CHUNK) {
      await knex("order_fact").insert(orderRows.slice(i, i + INSERT_CHUNK))
    }
    for (let i = 0; i < lineRows.length; i += INSERT_CHUNK) {
      await knex("purchase_fact").insert(lineRows.slice(i, i + INSERT_CHUNK))
    }
  }

  /** An imported order's totals are the sum of all its imported lines (a file may carry part of an order). */
  private async reconcileImportedOrderTotals_(knex: Knex, orderKeys: string[]) {
    await knex.raw(
      `update order_fact o set total = s.total, raw_total = ${rawBigNumberSql("s.total")},
              refunded_total = s.refunded, raw_refunded_total = ${rawBigNumberSql("s.refunded")},
              net_total = s.total - s.refunded, raw_net_total = ${rawBigNumberSql("s.total - s.refunded")},
              item_quantity = s.kept, updated_at = now()
       from (select order_key, sum(quantity * unit_amount) as total, sum(refunded_quantity * unit_amount) as refunded,
                    sum(net_quantity)::int as kept
             from purchase_fact where source = 'import' and order_key = any(?::text[]) group by order_key) s
       where o.source = 'import' and o.order_key = s.order_key`,
      [orderKeys]
    )
  }

  private async insertConsents_(knex: Knex, entries: ConsentInput[], now: Date): Promise<number> {
    // Last entry wins per customer and purpose within one call.
    const latest = new Map<string, ConsentInput>()
    for (const e of entries) {
      latest.set(`${e.customer_id}:${e.purpose}`, e)
    }
    const list = [...latest.values()]
    if (!list.length) {
      return 0
    }
    // Metadata is compared with the last metadata record only: an unsubscribe is never undone by
    // re-reading an unchanged metadata flag.
    const { rowCount } = await knex.raw(
      `insert into consent_record (id, customer_id, purpose, granted, source, recorded_at, note, created_at, updated_at)
       select ${newId("cons")}, v.customer_id, v.purpose, v.granted, v.source, v.recorded_at, v.note, now(), now()
       from unnest(?::text[], ?::text[], ?::boolean[], ?::text[], ?::timestamptz[], ?::text[]) as v(customer_id, purpose, granted, source, recorded_at, note)
       where v.granted is distinct from (
         select r.granted from consent_record r
         where r.customer_id = v.customer_id and r.purpose = v.purpose and r.deleted_at is null
           and (v.source <> 'customer_metadata' or r.source = 'customer_metadata')
         order by r.recorded_at desc, r.created_at desc limit 1)`,
      sqlBindings(
        list.map((e) => e.customer_id),
        list.map((e) => e.purpose),
        list.map((e) => e.granted),
        list.map((e) => e.source),
        list.map((e) => e.recorded_at ?? now),
        list.map((e) => e.note ?? null)
      )
    )
    return rowCount ?? 0
  }

  private async refreshConsentFlags_(knex: Knex, ids?: string[]) {
    const scope = scopeOf(ids)
    await knex.raw(
      `update customer_fact cf
       set email_marketing_consent = coalesce(l.email, false), sms_marketing_consent = coalesce(l.sms, false),
           tracking_consent = coalesce(l.tracking, false)
       from customer_fact c0
       left join (
         select customer_id,
                bool_or(granted) filter (where purpose = 'email_marketing') as email,
                bool_or(granted) filter (where purpose = 'sms_marketing') as sms,
                bool_or(granted) filter (where purpose = 'tracking') as tracking
         from (select distinct on (customer_id, purpose) customer_id, purpose, granted from consent_record
               where deleted_at is null and ${scope.where("customer_id")}
               order by customer_id, purpose, recorded_at desc, created_at desc) latest
         group by customer_id) l on l.customer_id = c0.customer_id
       where cf.id = c0.id and ${scope.where("c0.customer_id")}`,
      [...scope.bindings, ...scope.bindings]
    )
  }

  private async setLoyaltyFacts_(knex: Knex, rows: LoyaltyFacts[]) {
    if (!rows.length) {
      return
    }
    await knex.raw(
      `update customer_fact cf set points_balance = v.points_balance, tier_id = v.tier_id
       from unnest(?::text[], ?::int[], ?::text[]) as v(customer_id, points_balance, tier_id)
       where cf.customer_id = v.customer_id`,
      sqlBindings(rows.map((r) => r.customer_id), rows.map((r) => r.points_balance), rows.map((r) => r.tier_id))
    )
  }

  private async recomputeAggregates_(knex: Knex, ids?: string[]) {
    if (ids && !ids.length) {
      return
    }
    const scope = scopeOf(ids)
    const s = scope.where
    const b = scope.bindings
    await knex.raw(`delete from customer_spend_fact where ${s("customer_id")}`, b)
    await knex.raw(
      `insert into customer_spend_fact (id, customer_id, currency_code, order_count, total_spent, raw_total_spent,
         refunded_total, raw_refunded_total, average_order_value, raw_average_order_value, first_order_at, last_order_at,
         created_at, updated_at)
       select ${newId("cspf")}, customer_id, currency_code, n, spent, ${rawBigNumberSql("spent")}, refunded,
              ${rawBigNumberSql("refunded")}, aov, ${rawBigNumberSql("aov")}, first_at, last_at, now(), now()
       from (select customer_id, currency_code, count(*)::int as n, sum(net_total) as spent, sum(refunded_total) as refunded,
                    round(sum(net_total) / count(*), 4) as aov, min(placed_at) as first_at, max(placed_at) as last_at
             from order_fact where ${s("customer_id")} group by customer_id, currency_code) x`,
      b
    )
    await knex.raw(`delete from customer_product_fact where ${s("customer_id")}`, b)
    await knex.raw(
      `insert into customer_product_fact (id, customer_id, product_key, product_id, variant_id, sku, first_purchased_at,
         last_purchased_at, times_bought, quantity, created_at, updated_at)
       select ${newId("cpfact")}, customer_id, product_key, max(product_id), max(variant_id), max(sku), min(placed_at),
              max(placed_at), count(distinct order_key)::int, sum(net_quantity)::int, now(), now()
       from (select p.*, coalesce(variant_id, 'sku:' || sku, 'product:' || product_id) as product_key
             from purchase_fact p where ${s("customer_id")} and net_quantity > 0) p
       where product_key is not null
       group by customer_id, product_key`,
      b
    )
    await knex.raw(
      `update customer_fact cf
       set order_count = coalesce(a.n, 0), first_order_at = a.first_at, last_order_at = a.last_at,
           main_currency_code = m.currency_code,
           total_spent = m.total_spent, raw_total_spent = ${rawBigNumberSql("m.total_spent")},
           average_order_value = m.average_order_value, raw_average_order_value = ${rawBigNumberSql("m.average_order_value")},
           updated_at = now()
       from customer_fact c0
       left join (select customer_id, count(*)::int as n, min(placed_at) as first_at, max(placed_at) as last_at
                  from order_fact where ${s("customer_id")} group by customer_id) a on a.customer_id = c0.customer_id
       left join (select distinct on (customer_id) customer_id, currency_code, total_spent, average_order_value
                  from customer_spend_fact where ${s("customer_id")}
                  order by customer_id, order_count desc, last_order_at desc, currency_code) m on m.customer_id = c0.customer_id
       where cf.id = c0.id and ${s("c0.customer_id")}`,
      [...b, ...b, ...b]
    )
    await this.refreshConsentFlags_(knex, ids)
    await this.scoreRfm_(knex, scope)
    await scoreOrderRhythm(knex, churnDay(new Date()), scope.where, scope.bindings)
  }

  /** Scores against the stored quintile boundaries: 1 + the number of boundaries strictly below the value. */
  private async scoreRfm_(knex: Knex, scope: Scope): Promise<number> {
    const { rowCount } = await knex.raw(
      `with cut as (
         select dimension, currency_code, array(select jsonb_array_elements_text(cutoffs)::numeric) as c
         from rfm_cutoff where deleted_at is null)
       update customer_fact cf set r_score = s.r, f_score = s.f, m_score = s.m
       from (
         select c.id,
                case when c.order_count > 0 and r.c is not null
                  then 1 + (select count(*) from unnest(r.c) x where x < extract(epoch from c.last_order_at)) end::int as r,
                case when c.order_count > 0 and f.c is not null
                  then 1 + (select count(*) from unnest(f.c) x where x < c.order_count) end::int as f,
                case when c.order_count > 0 and m.c is not null
                  then 1 + (select count(*) from unnest(m.c) x where x < c.total_spent) end::int as m
         from customer_fact c
         left join cut r on r.dimension = 'recency'
         left join cut f on f.dimension = 'frequency'
         left join cut m on m.dimension = 'monetary' and m.currency_code = c.main_currency_code
         where ${scope.where("c.customer_id")}) s
       where cf.id = s.id and (cf.r_score is distinct from s.r or cf.f_score is distinct from s.f or cf.m_score is distinct from s.m)`,
      scope.bindings
    )
    return rowCount ?? 0
  }
}

export default CustomerFactsModuleService
