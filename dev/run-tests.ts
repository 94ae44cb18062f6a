/**
 * `npm test`: finds PostgreSQL as the demo does (DATABASE_URL, 127.0.0.1:5432, else embedded),
 * then runs every jest project (unit, modules, http) one file at a time against it and writes
 * jest's JSON result to .data/jest-results.json (read by .ci/run). Extra arguments go to jest.
 * Worker processes, not --runInBand: every HTTP suite boots a Medusa app and leaves ~200 MB
 * behind, so in one process some fifty suites exhaust the heap; jest replaces a worker when it
 * grows past workerIdleMemoryLimit (jest.config.js). Two workers by default
 * (RETENTION_TEST_WORKERS): a suite spends much of its time in PostgreSQL and migrations, so two
 * overlap on two cores; Medusa's test runners name each worker's databases by JEST_WORKER_ID and
 * take free ports. RETENTION_TEST_WORKERS=0 runs in band (one process, for debugging).
 */
import { spawn } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { findDatabase, medusaEnv } from "./database"

async function main() {
  const found = await findDatabase()
  fs.mkdirSync(".data", { recursive: true })
  const resultsFile = path.resolve(".data", "jest-results.json")
  fs.rmSync(resultsFile, { force: true })
  const env = {
    ...process.env,
    ...medusaEnv(found, "retention_test"),
    NODE_ENV: "test",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, "--experimental-vm-modules"].filter(Boolean).join(" "),
    // The bulk generator's test and other tools outside Medusa connect with this URL.
    RETENTION_TEST_SERVER_URL: found.serverUrl,
  }
  const jestBin = require.resolve("jest/bin/jest")
  const workers = Number(process.env.RETENTION_TEST_WORKERS ?? 2)
  const extra = process.argv.slice(2)
  const parallelism = workers === 0 ? ["--runInBand"] : [`--maxWorkers=${Math.max(1, workers || 1)}`]
  const args = [jestBin, ...parallelism, "--forceExit", "--json", `--outputFile=${resultsFile}`, ...extra]
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, args, { env, stdio: "inherit" })
    child.on("exit", (c, signal) => resolve(c ?? (signal ? 1 : 0)))
  })
  await found.stop()
  process.exit(code)
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`)
  process.exit(1)
})
