/**
 * `npm run bench [filter]`: finds PostgreSQL as the demo and the tests do (DATABASE_URL,
 * 127.0.0.1:5432, else embedded), creates the database `retention_bench` if missing, and runs
 * every bench/*.bench.ts (or those whose name contains `filter`) one after another, each in its own
 * process so peak RSS is per bench. Sizes come from BENCH_SIZES (comma list, default
 * 10000,100000; e.g. BENCH_SIZES=1000000). Tables print to stdout; results go to
 * bench/results/<name>.json. Exits non-zero when a bench fails.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { ensureDatabase, findDatabase } from "./database"

const ROOT = path.resolve(__dirname, "..")
const BENCH_DIR = path.join(ROOT, "bench")
const RUNNER = path.join(BENCH_DIR, "lib", "run-bench-file.ts")
const BENCH_DATABASE = "retention_bench"
const TSX_LOADER = pathToFileURL(require.resolve("tsx")).href

let running: ChildProcess | null = null
let interrupted: NodeJS.Signals | null = null

// On Ctrl-C or SIGTERM: let the running bench end, skip the rest, and still stop an embedded server.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interrupted = signal
    running?.kill(signal)
  })
}

async function main() {
  const filter = process.argv[2] ?? ""
  const files = fs
    .readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith(".bench.ts") && f.includes(filter))
    .sort()
  if (!files.length) {
    throw new Error(`No bench/*.bench.ts matches "${filter}"`)
  }
  const found = await findDatabase()
  const failed: string[] = []
  try {
    await ensureDatabase(found, BENCH_DATABASE)
    const env = { ...process.env, RETENTION_BENCH_DATABASE_URL: found.urlFor(BENCH_DATABASE) }
    for (const file of files) {
      if (interrupted) {
        break
      }
      const code = await runFile(path.join(BENCH_DIR, file), env)
      if (code !== 0) {
        failed.push(file)
      }
    }
  } finally {
    await found.stop()
  }
  if (interrupted) {
    process.exit(130)
  }
  if (failed.length) {
    process.stderr.write(`Failed: ${failed.join(", ")}\n`)
    process.exit(1)
  }
}

function runFile(file: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", "--import", TSX_LOADER, RUNNER, file], {
      cwd: ROOT,
      env,
      stdio: "inherit",
    })
    running = child
    const done = (code: number) => {
      running = null
      resolve(code)
    }
    child.on("error", () => done(1))
    child.on("exit", (code, signal) => done(code ?? (signal ? 1 : 0)))
  })
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`)
  process.exit(1)
})
