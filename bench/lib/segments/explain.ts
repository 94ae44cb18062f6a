/**
 * BENCH-ONLY. Prints EXPLAIN (ANALYZE, BUFFERS) of a bench tree's count, as the segments service
 * compiles it (set mode, the query previewDefinition runs) and as its hand-written baseline, on a
 * loaded bench schema:
 *
 *   RETENTION_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/retention_bench \
 *     npx tsx bench/lib/segments/explain.ts 1000000 vendor [service|baseline]
 */
import { createPgConnection } from "@medusajs/framework/utils"
import { compileDefinition } from "../../../src/modules/segments/definition/compile"
import { EMPTY_REFERENCES } from "../../../src/modules/segments/definition/references"
import { benchDatabaseUrl } from "../env"
import { benchSchema, connect } from "./load"
import { TREES } from "./trees"

const ANCHOR = new Date(Date.UTC(2025, 5, 1))

async function main() {
  const [sizeArg, key, only] = process.argv.slice(2)
  const tree = TREES.find((t) => t.key === key)
  if (!sizeArg || !tree) {
    throw new Error(`usage: explain.ts <size> <${TREES.map((t) => t.key).join("|")}> [service|baseline]`)
  }
  const schema = benchSchema(Number(sizeArg))
  const url = benchDatabaseUrl()
  if (only !== "baseline") {
    const knex = createPgConnection({ clientUrl: url, schema })
    try {
      const where = compileDefinition(tree.definition, { mode: "set", now: ANCHOR, references: EMPTY_REFERENCES })
      await knex.transaction(async (trx) => {
        await trx.raw(`select set_config('work_mem', '64MB', true)`)
        const { rows } = await trx.raw(
          `explain (analyze, buffers) select count(*)::int as count from customer_fact cf where ${where.sql}`,
          where.bindings as never[]
        )
        process.stdout.write(`--- service (compiled, set mode): ${tree.label}\n${(rows as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n")}\n`)
      })
    } finally {
      await knex.destroy()
    }
  }
  if (only !== "service") {
    const client = await connect(url, schema)
    try {
      await client.query("SET work_mem = '64MB'")
      const { text, values } = tree.baseline(ANCHOR)
      const { rows } = await client.query<{ "QUERY PLAN": string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) SELECT count(*)::int AS count FROM (${text}) b`, values })
      process.stdout.write(`--- hand-written: ${tree.label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}\n`)
    } finally {
      await client.end()
    }
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`)
  process.exit(1)
})
