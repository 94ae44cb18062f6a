/**
 * `npm run backfill-facts [-- --page_size 200 --after cus_...]`: finds the database as the demo
 * does, migrates it and rebuilds every customer's facts (src/scripts/backfill-customer-facts.ts)
 * through `medusa exec`.
 */
import { findDatabase } from "./database"
import { DEMO_DATABASE, medusaCli, prepareDemoDatabase, toExecArgs } from "./medusa-cli"

async function main() {
  const found = await findDatabase()
  try {
    const env = await prepareDemoDatabase(found, DEMO_DATABASE)
    await medusaCli(["exec", "./src/scripts/backfill-customer-facts.ts", ...toExecArgs(process.argv.slice(2))], env)
  } finally {
    await found.stop()
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.message ?? e}\n`)
  process.exit(1)
})
