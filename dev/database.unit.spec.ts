import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { Client } from "@medusajs/framework/pg"
import { toExecArgs } from "./medusa-cli"

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, "..")
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx")
const NOWHERE = "postgres://postgres@127.0.0.1:9/postgres"

type Found = { source: string; url: string; port: number }

/** Runs dev/find-database.ts --hold as `npm test` and `npm run demo` would, and reads its answer. */
function findDatabaseProcess(env: Record<string, string>): Promise<{ found: Found; child: ChildProcessWithoutNullStreams }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, "dev", "find-database.ts"), "--hold"], {
      cwd: env.CWD ?? ROOT,
      env: { ...process.env, ...env },
    })
    let out = ""
    let err = ""
    child.stdout.on("data", (d) => {
      out += d
      const line = out.split("\n").find((l) => l.startsWith("{"))
      if (line) {
        resolve({ found: JSON.parse(line), child })
      }
    })
    child.stderr.on("data", (d) => (err += d))
    child.on("exit", (code) => reject(new Error(`find-database exited ${code}: ${err}`)))
  })
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  client.on("error", () => undefined)
  try {
    await client.connect()
    const { rows } = await client.query("SELECT 41 + 1 AS n")
    return rows[0].n === 42
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

function stop(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    child.on("exit", () => resolve())
    child.stdin.end()
  })
}

describe("finding a database", () => {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "retention-db-"))
  fs.chmodSync(workDir, 0o755)

  afterAll(() => fs.rmSync(workDir, { recursive: true, force: true }))

  it("starts an embedded PostgreSQL under ./.data when DATABASE_URL and 127.0.0.1:5432 do not answer, and uses DATABASE_URL when it does", async () => {
    const embedded = await findDatabaseProcess({
      CWD: workDir,
      DATABASE_URL: "postgres://nobody@127.0.0.1:9/nothing",
      RETENTION_LOCAL_PG_URL: NOWHERE,
    })
    try {
      expect(embedded.found.source).toBe("embedded")
      expect(fs.existsSync(path.join(workDir, ".data", "postgres", "PG_VERSION"))).toBe(true)
      expect(await answers(embedded.found.url)).toBe(true)

      const viaEnv = await findDatabaseProcess({ DATABASE_URL: embedded.found.url, RETENTION_LOCAL_PG_URL: NOWHERE })
      expect(viaEnv.found).toMatchObject({ source: "env", port: embedded.found.port })
      await stop(viaEnv.child)
      // A server the finder did not start is left running.
      expect(await answers(embedded.found.url)).toBe(true)
    } finally {
      await stop(embedded.child)
    }
    // The embedded server is stopped with its owner...
    expect(await answers(embedded.found.url)).toBe(false)

    // ...and a second start reuses the initialised data directory.
    const again = await findDatabaseProcess({ CWD: workDir, RETENTION_LOCAL_PG_URL: NOWHERE, DATABASE_URL: "" })
    try {
      expect(again.found.source).toBe("embedded")
      expect(await answers(again.found.url)).toBe(true)
    } finally {
      await stop(again.child)
    }
  })
})

describe("medusa exec arguments", () => {
  it("turn --flags into the key=value form medusa exec forwards", () => {
    expect(toExecArgs(["--case", "pharmacy", "--customers=20", "--dry-run"])).toEqual(["case=pharmacy", "customers=20", "dry-run"])
  })
})
