/**
 * BENCH-ONLY. The campaigns bench's schema `retention_bench_campaigns_<customers>`, rebuilt on
 * every run (a send changes what it measures):
 *
 * 1. the customer-facts read model comes from the segments bench's load of the same size
 *    (bench/lib/segments/load.ts: the bulk generator's demo plans), loaded there first if that
 *    schema is missing, never replaced when it holds other parameters. Its products bought
 *    (`customer_product_fact`, what `{{recommended_products}}` and the popular products read) and
 *    the other facts tables are read through plain views;
 * 2. `customer_fact` is this schema's own table (the customer-facts migrations' SQL, its indexes
 *    dropped for the fill and rebuilt from the same SQL), filled from the segments bench's rows
 *    with what a campaign audience has: e-mail marketing consent granted to everyone, a first name
 *    (from the generated address), a points balance (0–4,999 by a hash of the id) and the tier it
 *    reaches (three tiers through the loyalty service);
 * 3. the email-campaigns, messaging, segments and loyalty-points tables from their migrations'
 *    up() SQL, Medusa's Product module's from its shipped migrations (the demo catalogue's
 *    products created through the Product service with the ids the facts carry);
 * 4. a segment whose membership is every customer (one INSERT…SELECT), a sample segment of
 *    `sample` customers for the one-request-per-recipient baseline, and one campaign on each
 *    (through the email-campaigns service: the vendor's upgrade e-mail in English and German, 10 %
 *    holdout). No suppressed address, an empty message ledger.
 */
import path from "node:path"
import { quoteIdentifier } from "../../../dev/database"
import { CATALOG } from "../../../src/scripts/demo-data/catalog"
import { readMigrationSql } from "../loyalty/migration-sql"
import { ensureFacts, FACTS_LOAD } from "../reminders/load"
import { FACT_TABLES, productId, type LoadSummary } from "../segments/load"
import { medusaMigrationSql, MODULES_DIR } from "../module-loader"
import { connect } from "../schema"
import { stopwatch } from "../stopwatch"
import { loadModules, type LoadedModules, type SendgridTarget } from "./module"
import { BENCH_CAMPAIGN, BENCH_TEMPLATES } from "./templates"

export const EVERYONE_SEGMENT_ID = "seg_bench_campaign_everyone"
export const SAMPLE_SEGMENT_ID = "seg_bench_campaign_sample"
/** Tiers by points balance, lowest first. */
const TIERS = [
  { name: "Bronze", rank: 1, threshold: 0 },
  { name: "Silver", rank: 2, threshold: 1000 },
  { name: "Gold", rank: 3, threshold: 3000 },
]

export type CampaignLoad = {
  schema: string
  facts: LoadSummary
  modules: LoadedModules
  customers: number
  members: number
  sampleMembers: number
  campaignId: string
  sampleCampaignId: string
  timings: { factsMs: number; schemaMs: number; customersMs: number; membershipMs: number }
}

export const campaignsSchema = (customers: number) => `retention_bench_campaigns_${customers}`

/** Rebuilds the campaigns schema for `customers` customers, the campaigns sending to `sendgrid`. */
export async function loadCampaigns(
  url: string,
  customers: number,
  options: { sample: number; sendgrid: SendgridTarget; log: (line: string) => void; onBackend?: (pid: number) => void }
): Promise<CampaignLoad> {
  const { log } = options
  const clock = stopwatch()
  const facts = await ensureFacts(url, customers, log, "retention_bench_campaigns_check")
  const factsMs = clock()
  const schema = campaignsSchema(customers)
  const source = quoteIdentifier(facts.schema)
  const admin = await connect(url, "public", "retention_bench_campaigns_load")
  let modules: LoadedModules | undefined
  try {
    options.onBackend?.((await admin.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid)
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`)
    await admin.query(`CREATE SCHEMA ${quoteIdentifier(schema)}`)
    await admin.query(`SET search_path TO ${quoteIdentifier(schema)}`)
    const factsMigrations = readMigrationSql(path.join(MODULES_DIR, "customer-facts", "migrations"))
    for (const sql of factsMigrations.statements) {
      await admin.query(sql)
    }
    for (const table of FACT_TABLES.filter((t) => t !== "customer_fact")) {
      await admin.query(`DROP TABLE ${quoteIdentifier(table)}`)
      await admin.query(`CREATE VIEW ${quoteIdentifier(table)} AS SELECT * FROM ${source}.${quoteIdentifier(table)}`)
    }
    for (const module of ["segments", "messaging", "email-campaigns", "loyalty-points"]) {
      for (const sql of readMigrationSql(path.join(MODULES_DIR, module, "migrations")).statements) {
        await admin.query(sql)
      }
    }
    for (const sql of await medusaMigrationSql("product")) {
      await admin.query(sql)
    }
    modules = await loadModules(url, schema, options.sendgrid)
    const products = Object.values(CATALOG).flat()
    await modules.product.createProducts(products.map((p) => ({ id: productId(p.handle), title: p.title, handle: p.handle, status: "published" as const })))
    const tiers = await modules.loyalty.createLoyaltyTiers(TIERS.map((t) => ({ name: t.name, rank: t.rank, basis: "points" as const, threshold: t.threshold })))
    const schemaMs = clock()
    log(`schema ${schema}: tables from the migrations, facts views over ${facts.schema}, ${products.length} products, ${tiers.length} tiers in ${(schemaMs / 1000).toFixed(1)} s`)

    // customer_fact: indexes other than the primary key dropped for the fill, rebuilt from the migration SQL.
    const { rows: indexes } = await admin.query<{ name: string }>(
      `SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND tablename = 'customer_fact' AND indexname <> 'customer_fact_pkey'`,
      [schema]
    )
    for (const index of indexes) {
      await admin.query(`DROP INDEX ${quoteIdentifier(index.name)}`)
    }
    await admin.query("SET work_mem = '256MB'")
    await admin.query("SET maintenance_work_mem = '512MB'")
    const tierOf = [...tiers].sort((a, b) => b.rank - a.rank)
    // Every column as loaded but the four a campaign audience needs; names come from the catalogue.
    const { rows: columns } = await admin.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'customer_fact' ORDER BY ordinal_position`,
      [schema]
    )
    const overrides: Record<string, string> = {
      email_marketing_consent: "true",
      first_name: "initcap(split_part(cf.email, '.', 1))",
      points_balance: "p.points",
      tier_id: "CASE WHEN p.points >= $1 THEN $2 WHEN p.points >= $3 THEN $4 ELSE $5 END",
    }
    const list = columns.map((c) => quoteIdentifier(c.name)).join(", ")
    const values = columns.map((c) => overrides[c.name] ?? `cf.${quoteIdentifier(c.name)}`).join(", ")
    const { rowCount: copied } = await admin.query(
      `INSERT INTO customer_fact (${list})
       SELECT ${values}
       FROM ${source}.customer_fact cf CROSS JOIN LATERAL (SELECT mod(abs(hashtext(cf.customer_id)), 5000) AS points) p`,
      [TIERS[2].threshold, tierOf[0].id, TIERS[1].threshold, tierOf[1].id, tierOf[2].id]
    )
    for (const index of factsMigrations.indexes.filter((i) => i.table === "customer_fact")) {
      await admin.query(index.sql)
    }
    await admin.query("VACUUM (ANALYZE) customer_fact")
    const customersMs = clock()
    log(`customer_fact: ${copied} customers (consent, first name, points, tier) in ${(customersMs / 1000).toFixed(1)} s`)

    for (const [id, name] of [
      [EVERYONE_SEGMENT_ID, "Every customer (campaigns bench)"],
      [SAMPLE_SEGMENT_ID, "Sample of customers (campaigns bench baseline)"],
    ]) {
      await admin.query(`INSERT INTO segment (id, name, definition, is_live, member_count) VALUES ($1, $2, $3, false, 0)`, [id, name, { type: "group", op: "and", children: [] }])
    }
    const { rowCount: members } = await admin.query(
      `INSERT INTO segment_membership (id, segment_id, customer_id, entered_at)
       SELECT 'segm_bench_' || md5(customer_id), $1, customer_id, $2 FROM customer_fact`,
      [EVERYONE_SEGMENT_ID, FACTS_LOAD.anchor]
    )
    const { rowCount: sampleMembers } = await admin.query(
      `INSERT INTO segment_membership (id, segment_id, customer_id, entered_at)
       SELECT 'segm_bench_sample_' || md5(customer_id), $1, customer_id, $2 FROM customer_fact ORDER BY md5(customer_id || 'sample') LIMIT $3`,
      [SAMPLE_SEGMENT_ID, FACTS_LOAD.anchor, options.sample]
    )
    await admin.query(`UPDATE segment s SET member_count = (SELECT count(*) FROM segment_membership m WHERE m.segment_id = s.id)`)
    for (const table of ["segment_membership", "segment", "campaign_recipient", "marketing_message", "email_suppression"]) {
      await admin.query(`VACUUM (ANALYZE) ${quoteIdentifier(table)}`)
    }
    const membershipMs = clock()
    log(`segment memberships: ${members} (everyone) and ${sampleMembers} (sample) in ${(membershipMs / 1000).toFixed(1)} s`)

    const campaignOn = async (segmentId: string, name: string) => {
      const campaign = await modules!.campaigns.createEmailCampaigns({ ...BENCH_CAMPAIGN, name, segment_id: segmentId, status: "draft" })
      await modules!.campaigns.createEmailCampaignTemplates(BENCH_TEMPLATES.map((t) => ({ ...t, campaign_id: campaign.id })))
      return campaign.id
    }
    const campaignId = await campaignOn(EVERYONE_SEGMENT_ID, "PixelForge 3.0 upgrade (bench: everyone)")
    const sampleCampaignId = await campaignOn(SAMPLE_SEGMENT_ID, "PixelForge 3.0 upgrade (bench: one request per recipient)")
    return {
      schema,
      facts,
      modules,
      customers: copied ?? 0,
      members: members ?? 0,
      sampleMembers: sampleMembers ?? 0,
      campaignId,
      sampleCampaignId,
      timings: { factsMs, schemaMs, customersMs, membershipMs },
    }
  } catch (e) {
    await modules?.shutdown()
    throw e
  } finally {
    await admin.end()
  }
}

/** Drops the campaigns schema of `customers` (only this bench's own). */
export async function dropCampaigns(url: string, customers: number): Promise<void> {
  const admin = await connect(url, "public", "retention_bench_campaigns_drop")
  try {
    await admin.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(campaignsSchema(customers))} CASCADE`)
  } finally {
    await admin.end()
  }
}
