/**
 * BENCH-ONLY. The reminders bench's schema `retention_bench_reminders_<customers>`, rebuilt on every
 * run (a send run changes the reminders it measures):
 *
 * 1. the customer-facts read model comes from the segments bench's load of the same size
 *    (bench/lib/segments/load.ts: the bulk generator's demo plans, ~10 purchased lines per
 *    customer, as imported history), loaded there first if that schema is missing. It is only
 *    read: this schema sees its tables through views (plain `select *` views, which PostgreSQL
 *    inlines, so the facts' own indexes serve every query);
 * 2. the reminders and messaging modules' tables from their migrations' up() SQL, Medusa's Cart
 *    and Notification modules' tables from their shipped migrations' SQL;
 * 3. rules through the reminders service, then every customer's coverage in one INSERT…SELECT of
 *    the module's own coverage SQL (what `syncCoverage` stores per customer), and a scheduled
 *    reminder for every coverage that still runs, due `lead_days` before it ends;
 * 4. the send run's work: `due` of those reminders moved to be due at the bench's "now" (the
 *    others stay due later), and the suppressions a store has: some reminders whose customer
 *    reordered after scheduling (their coverage end moved on), open carts holding the product,
 *    suppressed addresses, customers at the frequency cap; the rest of the customers' consent
 *    and e-mail are as loaded.
 */
import path from "node:path"
import { Client } from "@medusajs/framework/pg"
import { quoteIdentifier } from "../../../dev/database"
import { coverageSql } from "../../../src/modules/reminders/utils/coverage-sql"
import { readMigrationSql } from "../loyalty/migration-sql"
import { benchSchema as factsSchemaOf, ensureLoaded, GENERATOR_VERSION, MARKER_TABLE, productId, variantId, type LoadSummary } from "../segments/load"
import { MODULES_DIR } from "../module-loader"
import { connect } from "../schema"
import { loadModules, medusaModuleMigrationSql, type LoadedModules } from "./module"

/** The facts tables the reminders read (coverage, suppression checks, the rule backfill). */
const FACT_VIEWS = ["customer_fact", "purchase_fact", "customer_product_fact", "order_fact"] as const

/** The segments bench's load parameters: the facts schema is shared only when they match. */
export const FACTS_LOAD = { seed: 42, anchor: new Date(Date.UTC(2025, 5, 1)), linesPerCustomer: 10 }

/** What the bench store reminds of: the pharmacy's box, a foam, a yearly licence, a filter pack. */
export const BENCH_RULES = [
  { handle: "finasteride-1mg-28", sku: "PH-FIN-28", title: "Finasteride 1 mg", days_per_unit: 28, lead_days: 3 },
  { handle: "minoxidil-foam-60", sku: "PH-MIN-60", title: "Minoxidil foam", days_per_unit: 30, lead_days: 5 },
  { handle: "pixelforge-cloud-1y", sku: "SW-ADD-CLOUD", title: "PixelForge Cloud", days_per_unit: 365, lead_days: 14 },
  { handle: "vacuum-filter-pack", sku: "EL-VAC-FILTER", title: "Vacuum filters", days_per_unit: 90, lead_days: 7 },
] as const

/** Shares of the due reminders given each suppression (the rest: consent and addresses as loaded). */
export const SUPPRESSION_MIX = { reordered: 0.05, open_cart: 0.01, unsubscribed: 0.02, frequency_cap: 0.02 }

export type ReminderLoad = {
  schema: string
  facts: LoadSummary
  modules: LoadedModules
  coverageRows: number
  coverageMs: number
  scheduled: number
  due: number
  planted: Record<keyof typeof SUPPRESSION_MIX, number>
  /** Ids of the rules, by handle. */
  ruleIds: Record<string, string>
}

export const remindersSchema = (customers: number) => `retention_bench_reminders_${customers}`

/**
 * Makes sure the facts of `customers` customers exist (the segments bench's schema), without ever
 * replacing one that another bench loaded with other parameters. The check's connection is named
 * `applicationName`.
 */
export async function ensureFacts(url: string, customers: number, log: (line: string) => void, applicationName = "retention_bench_reminders_check"): Promise<LoadSummary> {
  const schema = factsSchemaOf(customers)
  const client = new Client({ connectionString: url, application_name: applicationName })
  await client.connect()
  try {
    const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [`${quoteIdentifier(schema)}.${MARKER_TABLE}`])
    if (rows[0].exists) {
      const marker = (await client.query(`SELECT * FROM ${quoteIdentifier(schema)}.${MARKER_TABLE} LIMIT 1`)).rows[0]
      const same =
        marker &&
        marker.generator_version === GENERATOR_VERSION &&
        marker.seed === FACTS_LOAD.seed &&
        marker.lines_per_customer === FACTS_LOAD.linesPerCustomer &&
        new Date(marker.anchor).getTime() === FACTS_LOAD.anchor.getTime()
      if (!same) {
        throw new Error(`${schema} holds facts loaded with other parameters (the segments bench's); not replacing them`)
      }
    }
  } finally {
    await client.end()
  }
  return ensureLoaded(url, customers, { ...FACTS_LOAD, log })
}

/** Rebuilds the reminders schema for `customers` customers with `due` reminders due at `now`. */
export async function loadReminders(url: string, customers: number, options: { due: number; now: Date; log: (line: string) => void }): Promise<ReminderLoad> {
  const { log, now } = options
  const facts = await ensureFacts(url, customers, log)
  const schema = remindersSchema(customers)
  const admin = await connect(url, schema, "retention_bench_reminders_load")
  let modules: LoadedModules | undefined
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
    await admin.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`)
    await admin.query(`SET search_path TO ${quoteIdentifier(schema)}`)
    for (const table of FACT_VIEWS) {
      await admin.query(`CREATE VIEW ${quoteIdentifier(table)} AS SELECT * FROM ${quoteIdentifier(facts.schema)}.${quoteIdentifier(table)}`)
    }
    for (const module of ["reminders", "messaging"]) {
      for (const sql of readMigrationSql(path.join(MODULES_DIR, module, "migrations")).statements) {
        await admin.query(sql)
      }
    }
    for (const module of ["cart", "notification"] as const) {
      for (const sql of await medusaModuleMigrationSql(module)) {
        await admin.query(sql)
      }
    }
    modules = await loadModules(url, schema)

    const rules = await modules.reminders.createReminderRules(
      BENCH_RULES.map((r) => ({ product_id: productId(r.handle), title: r.title, days_per_unit: r.days_per_unit, lead_days: r.lead_days }))
    )
    const ruleIds = Object.fromEntries(BENCH_RULES.map((r, i) => [r.handle, rules[i].id]))

    // Every customer's coverage at once, by the module's own SQL (syncCoverage stores the same rows one customer at a time).
    let started = performance.now()
    await admin.query("SET work_mem = '256MB'")
    const { rowCount: coverageRows } = await admin.query(
      `INSERT INTO customer_coverage (id, customer_id, rule_id, covered_until, cycle_days, cycle_source, units, last_purchase_at, last_variant_id, last_quantity)
       SELECT 'rcov_' || c.rule_id || '_' || c.customer_id, c.customer_id, c.rule_id, c.covered_until, c.cycle_days, c.cycle_source, c.units,
              c.last_purchase_at, c.last_variant_id, c.last_quantity
       FROM (${coverageSql("true")}) c`
    )
    const coverageMs = performance.now() - started
    log(`coverage of every customer: ${coverageRows} rows in ${(coverageMs / 1000).toFixed(1)} s`)

    started = performance.now()
    const { rowCount: scheduled } = await admin.query(
      `INSERT INTO reminder (id, customer_id, rule_id, coverage_end, due_at, sequence, status)
       SELECT 'rmd_bench_' || md5(c.id), c.customer_id, c.rule_id, c.covered_until, c.covered_until - r.lead_days * interval '1 day', 1, 'scheduled'
       FROM customer_coverage c JOIN reminder_rule r ON r.id = c.rule_id
       WHERE c.covered_until > $1`,
      [now]
    )
    // The send run's batch: `due` reminders in all: those due by now already (coverage ending within
    // the lead time) and others, spread over customers by a hash, moved to a minute before now.
    const { rows: natural } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM reminder WHERE status = 'scheduled' AND due_at <= $1`, [now])
    await admin.query(
      `WITH picked AS (SELECT id FROM reminder WHERE status = 'scheduled' AND due_at > $1 ORDER BY md5(id) LIMIT $2)
       UPDATE reminder r SET due_at = $1::timestamptz - interval '1 minute' FROM picked WHERE r.id = picked.id`,
      [now, Math.max(0, options.due - natural[0].n)]
    )
    const { rows: dueRows } = await admin.query<{ id: string; customer_id: string; rule_id: string; email: string | null }>(
      `SELECT r.id, r.customer_id, r.rule_id, cf.email FROM reminder r LEFT JOIN customer_fact cf ON cf.customer_id = r.customer_id
       WHERE r.status = 'scheduled' AND r.due_at <= $1 ORDER BY md5(r.id || 'mix')`,
      [now]
    )
    const take = (share: number, from: number) => dueRows.slice(from, from + Math.round(dueRows.length * share))
    let at = 0
    const reordered = take(SUPPRESSION_MIX.reordered, at)
    at += reordered.length
    const carts = take(SUPPRESSION_MIX.open_cart, at)
    at += carts.length
    const unsubscribed = take(SUPPRESSION_MIX.unsubscribed, at)
    at += unsubscribed.length
    const capped = take(SUPPRESSION_MIX.frequency_cap, at)

    // Reordered since scheduling: the purchase facts now give a later end than the reminder's.
    await admin.query(`UPDATE reminder SET coverage_end = coverage_end - interval '2 days' WHERE id = ANY($1::text[])`, [reordered.map((r) => r.id)])
    const ruleHandle = new Map(Object.entries(ruleIds).map(([handle, id]) => [id, handle]))
    for (let i = 0; i < carts.length; i += 500) {
      await modules.cart.createCarts(
        carts.slice(i, i + 500).map((r) => {
          const rule = BENCH_RULES.find((b) => b.handle === ruleHandle.get(r.rule_id))!
          return {
            currency_code: "twd",
            customer_id: r.customer_id,
            email: r.email ?? undefined,
            items: [{ title: rule.title, product_id: productId(rule.handle), variant_id: variantId(rule.sku), quantity: 1, unit_price: 1200 }],
          }
        })
      )
    }
    await admin.query(
      `INSERT INTO email_suppression (id, email, reason, source)
       SELECT 'msup_bench_' || md5(e), lower(e), 'unsubscribe', 'bench' FROM unnest($1::text[]) e ON CONFLICT DO NOTHING`,
      [unsubscribed.map((r) => r.email).filter(Boolean)]
    )
    await admin.query(
      `INSERT INTO marketing_message (id, customer_id, kind, source_id, idempotency_key, status, reserved_at, sent_at)
       SELECT 'mmsg_bench_' || c || '_' || n, c, 'campaign', 'bench', 'bench:' || c || ':' || n, 'sent', $2::timestamptz - n * interval '1 day', $2::timestamptz - n * interval '1 day'
       FROM unnest($1::text[]) c CROSS JOIN generate_series(1, 3) n`,
      [[...new Set(capped.map((r) => r.customer_id))], now]
    )
    for (const table of ["customer_coverage", "reminder", "reminder_rule", "marketing_message", "email_suppression", "cart", "cart_line_item"]) {
      await admin.query(`VACUUM (ANALYZE) ${quoteIdentifier(table)}`)
    }
    log(`${scheduled} reminders scheduled, ${dueRows.length} due now, suppressions planted in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    return {
      schema,
      facts,
      modules,
      coverageRows: coverageRows ?? 0,
      coverageMs,
      scheduled: scheduled ?? 0,
      due: dueRows.length,
      planted: { reordered: reordered.length, open_cart: carts.length, unsubscribed: unsubscribed.length, frequency_cap: capped.length },
      ruleIds,
    }
  } catch (e) {
    await modules?.shutdown()
    throw e
  } finally {
    await admin.end()
  }
}
