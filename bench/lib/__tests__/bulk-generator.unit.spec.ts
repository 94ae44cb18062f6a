/**
 * The BENCH-ONLY bulk generator against a real PostgreSQL: the server comes from
 * RETENTION_TEST_SERVER_URL (set by `npm test`), a throwaway database is created and dropped.
 */
import crypto from "node:crypto"
import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { Client } from "@medusajs/framework/pg"
import { from as copyFrom } from "pg-copy-streams"
import { quoteIdentifier } from "../../../dev/database"
import { planCase } from "../../../src/scripts/demo-data/plan"
import { bulkLoad, type BulkLoadOptions } from "../bulk-generator"
import { copyChunks, type CopyValue } from "../copy-text"
import { caseCounts } from "../seed-rows"

const CUSTOMERS = 500
const BASE = { customers: CUSTOMERS, seed: 7, anchor: new Date(Date.UTC(2025, 5, 1)) }
const SNAPSHOT_SCHEMA = "bulk_test_snapshot"

type Summary = { customers: number; lines: number; orders: number; quantity: number; amount: string; checksum: string }

function serverUrl(): string {
  const url = process.env.RETENTION_TEST_SERVER_URL
  if (!url) {
    throw new Error("RETENTION_TEST_SERVER_URL is not set: run `npm test` (it points it at the test server)")
  }
  return url
}

function databaseUrl(server: string, database: string): string {
  const url = new URL(server)
  url.pathname = `/${database}`
  return url.toString()
}

/** Counts, sums and an md5 over every row (sorted) of both staging tables of a schema. */
async function summarise(client: Client, schema = "retention_bench_seed"): Promise<Summary> {
  const s = quoteIdentifier(schema)
  const { rows } = await client.query(`
    SELECT
      (SELECT count(*) FROM ${s}.customer)::int AS customers,
      (SELECT count(*) FROM ${s}.purchase_line)::int AS lines,
      (SELECT count(DISTINCT order_ref) FROM ${s}.purchase_line)::int AS orders,
      (SELECT coalesce(sum(quantity), 0) FROM ${s}.purchase_line)::int AS quantity,
      (SELECT coalesce(sum(quantity * unit_amount), 0) FROM ${s}.purchase_line)::text AS amount,
      md5(
        (SELECT string_agg(c::text, E'\\n' ORDER BY c::text) FROM ${s}.customer c) || E'\\n--\\n' ||
        (SELECT string_agg(l::text, E'\\n' ORDER BY l::text) FROM ${s}.purchase_line l)
      ) AS checksum`)
  return rows[0]
}

/** What planCase yields for the same split, iterated in plain JS (no top-up). */
function planTotals() {
  const totals = { customers: 0, lines: 0, orders: 0, quantity: 0, amount: 0 }
  for (const [demoCase, count] of caseCounts(CUSTOMERS)) {
    for (const customer of planCase(demoCase, count, BASE)) {
      totals.customers++
      totals.orders += customer.orders.length
      for (const order of customer.orders) {
        for (const line of order.lines) {
          totals.lines++
          totals.quantity += line.quantity
          totals.amount += line.quantity * line.unit_amount
        }
      }
    }
  }
  return totals
}

describe("bench bulk generator", () => {
  const server = serverUrl()
  const database = `retention_bulk_test_${crypto.randomBytes(4).toString("hex")}`
  let client: Client

  const load = (options: Partial<BulkLoadOptions> & Pick<BulkLoadOptions, "method">) => bulkLoad(client, { ...BASE, ...options })

  beforeAll(async () => {
    const admin = new Client({ connectionString: server })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${quoteIdentifier(database)}`)
    await admin.end()
    client = new Client({ connectionString: databaseUrl(server, database) })
    await client.connect()
  })

  afterAll(async () => {
    await client?.end()
    const admin = new Client({ connectionString: server })
    await admin.connect()
    await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`)
    await admin.end()
  })

  it("loads exactly what planCase yields", async () => {
    const expected = planTotals()
    const result = await load({ method: "copy" })
    const summary = await summarise(client)

    expect(expected.customers).toBe(CUSTOMERS)
    expect(summary).toMatchObject({
      customers: expected.customers,
      lines: expected.lines,
      orders: expected.orders,
      quantity: expected.quantity,
    })
    expect(Number(summary.amount)).toBe(expected.amount)
    expect(result).toMatchObject({ customers: expected.customers, lines: expected.lines, orders: expected.orders, quantity: expected.quantity })
    const { rows } = await client.query(
      `SELECT "case", count(*)::int AS n FROM retention_bench_seed.customer GROUP BY "case" ORDER BY "case"`
    )
    expect(rows).toEqual([
      { case: "electronics", n: 166 },
      { case: "pharmacy", n: 167 },
      { case: "software", n: 167 },
    ])
  })

  it("loads identical rows by COPY and by INSERT, with top-up", async () => {
    const copied = await load({ method: "copy", linesPerCustomer: 10 })
    const copySummary = await summarise(client)
    await client.query(`DROP SCHEMA IF EXISTS ${SNAPSHOT_SCHEMA} CASCADE`)
    await client.query(`ALTER SCHEMA retention_bench_seed RENAME TO ${SNAPSHOT_SCHEMA}`)

    // Small batches so several INSERT statements and a partial last batch are exercised.
    const inserted = await load({ method: "insert", linesPerCustomer: 10, insertBatchRows: 333 })
    const insertSummary = await summarise(client)

    expect(inserted).toMatchObject({ customers: copied.customers, lines: copied.lines, orders: copied.orders, quantity: copied.quantity })
    expect(insertSummary).toEqual(copySummary)
    expect(await summarise(client, SNAPSHOT_SCHEMA)).toEqual(copySummary)
    for (const table of ["customer", "purchase_line"]) {
      const { rows } = await client.query(`
        SELECT
          (SELECT count(*) FROM (SELECT * FROM retention_bench_seed.${table} EXCEPT ALL SELECT * FROM ${SNAPSHOT_SCHEMA}.${table}) a)::int AS only_insert,
          (SELECT count(*) FROM (SELECT * FROM ${SNAPSHOT_SCHEMA}.${table} EXCEPT ALL SELECT * FROM retention_bench_seed.${table}) b)::int AS only_copy`)
      expect(rows[0]).toEqual({ only_insert: 0, only_copy: 0 })
    }
  })

  it("tops customers up to the target by replaying their own orders back in time", async () => {
    const expected = planTotals()
    await load({ method: "copy", linesPerCustomer: 10 })
    const { rows } = await client.query(`
      SELECT
        (SELECT count(*) FROM retention_bench_seed.purchase_line WHERE order_ref !~ '-r[0-9]+$')::int AS original_lines,
        (SELECT count(*) FROM retention_bench_seed.purchase_line WHERE order_ref ~ '-r[0-9]+$')::int AS replayed_lines,
        (SELECT count(*) FROM (
           SELECT customer_id FROM retention_bench_seed.purchase_line GROUP BY customer_id HAVING count(*) < 10
         ) short)::int AS short_customers,
        (SELECT count(*) FROM retention_bench_seed.purchase_line l
           JOIN retention_bench_seed.customer c ON c.id = l.customer_id
          WHERE l.placed_at < c.created_at)::int AS lines_before_signup`)
    expect(rows[0].original_lines).toBe(expected.lines)
    expect(rows[0].replayed_lines).toBeGreaterThan(0)
    expect(rows[0].short_customers).toBe(0)
    expect(rows[0].lines_before_signup).toBe(0)
  })

  it("gives the same rows for the same seed and different rows for another", async () => {
    await load({ method: "copy", linesPerCustomer: 10 })
    const first = await summarise(client)
    await load({ method: "copy", linesPerCustomer: 10 })
    const second = await summarise(client)
    await load({ method: "copy", linesPerCustomer: 10, seed: BASE.seed + 1 })
    const otherSeed = await summarise(client)

    expect(second).toEqual(first)
    expect(otherSeed.checksum).not.toBe(first.checksum)
  })

  it("round-trips awkward text through the COPY text encoding", async () => {
    const values: CopyValue[][] = [
      ["tab\there", "line\nbreak", '{"k": "back\\\\slash \\"q\\" \\t"}'],
      ["carriage\rreturn", "\\N", '{"nested": {"x": [1, 2, "\\n"]}}'],
      ["\\.", "Müller 東京 🚀", "null"],
      [null, "", '{"a": null}'],
    ]
    await client.query("CREATE TEMP TABLE copy_text_probe (n serial, a text, b text, c jsonb)")
    await pipeline(
      Readable.from(copyChunks(values, 16)),
      client.query(copyFrom("COPY copy_text_probe (a, b, c) FROM STDIN"))
    )
    const { rows } = await client.query("SELECT a, b, c::text AS c FROM copy_text_probe ORDER BY n")
    expect(rows.map((r) => [r.a, r.b, r.c === null ? null : JSON.parse(r.c)])).toEqual(
      values.map(([a, b, c]) => [a, b, JSON.parse(c as string)])
    )
  })
})
