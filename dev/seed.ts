/**
 * `npm run seed -- --case pharmacy|software|electronics|all --customers N [--seed S] [--anchor YYYY-MM-DD]`:
 * finds the database as the demo does, migrates it and runs the demo-data generator
 * (src/scripts/seed.ts) through `medusa exec`.
 */
import { findDatabase } from "./database"
import { DEMO_DATABASE, medusaCli, prepareDemoDatabase, toExecArgs } from "./medusa-cli"

async function main() {
  const found = await findDatabase()
  try {
    const env = await prepareDemoDatabase(found, DEMO_DATABASE)
    await medusaCli(["exec", "./src/scripts/seed.ts", ...toExecArgs(process.argv.slice(2))], env)
  } finally {
    await found.stop()
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.message ?? e}\n`)
  process.exit(1)
})
