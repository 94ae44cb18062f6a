/**
 * `npm run import-history -- --customers customers.csv --orders orders.csv [--dry-run] [--batch-size 1000]`
 * (or `-- --resume himp_…`): finds the database as the demo does, migrates it and runs
 * src/scripts/import-history.ts through `medusa exec`, which streams the files through the same
 * workflow as the admin upload and prints progress, counts and errors.
 */
import fs from "node:fs"
import path from "node:path"
import { findDatabase } from "./database"
import { DEMO_DATABASE, medusaCli, prepareDemoDatabase, toExecArgs } from "./medusa-cli"

/** Local paths made absolute (and checked) here, so the script finds them whatever its working directory. */
function resolvePaths(argv: string[]): string[] {
  const out = [...argv]
  for (let i = 0; i < out.length; i++) {
    const flag = out[i].replace(/=.*$/, "")
    if (flag !== "--customers" && flag !== "--orders") {
      continue
    }
    const inline = out[i].includes("=")
    const value = inline ? out[i].slice(out[i].indexOf("=") + 1) : out[i + 1]
    if (!value || value.startsWith("--")) {
      throw new Error(`${flag} needs a file path`)
    }
    const absolute = path.resolve(value)
    if (!fs.existsSync(absolute)) {
      throw new Error(`${flag}: no file at ${absolute}`)
    }
    if (inline) {
      out[i] = `${flag}=${absolute}`
    } else {
      out[++i] = absolute
    }
  }
  return out
}

async function main() {
  const args = toExecArgs(resolvePaths(process.argv.slice(2)))
  const found = await findDatabase()
  try {
    const env = await prepareDemoDatabase(found, DEMO_DATABASE)
    await medusaCli(["exec", "./src/scripts/import-history.ts", ...args], env)
  } finally {
    await found.stop()
  }
}

main().catch((e) => {
  process.stderr.write(`${e?.message ?? e}\n`)
  process.exit(1)
})
