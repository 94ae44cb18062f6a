/**
 * `npm run demo`: finds a database (DATABASE_URL, else 127.0.0.1:5432, else an embedded
 * PostgreSQL under ./.data), creates and migrates it, seeds the demo store (idempotent), makes sure
 * the admin user exists, starts `medusa develop` on :9000 and prints how to use it.
 * Arguments after `--` go to the seed (e.g. `npm run demo -- --customers 200`).
 *
 * E-mail campaigns go to a local fake of SendGrid (dev/fake-sendgrid) started here, so no e-mail
 * leaves the machine; it posts signed `processed` / `delivered` events back to the demo's
 * /webhooks/sendgrid like SendGrid. A real SENDGRID_API_KEY in the environment switches to SendGrid.
 */
import { spawn, type ChildProcess } from "node:child_process"
import { Client } from "@medusajs/framework/pg"
import { findDatabase } from "./database"
import { startFakeSendgrid, type FakeSendgrid } from "./fake-sendgrid/server"
import { createWebhookSigner } from "./fake-sendgrid/webhook-signer"
import { DEMO_DATABASE, medusaCli, prepareDemoDatabase, toExecArgs } from "./medusa-cli"

export const DEMO_ADMIN = { email: "admin@retention.example", password: "demo-admin" }
const DEMO_SHOPPER = { email: "patient@retention.example", password: "demo-patient" }
const PUBLISHABLE_KEY_TITLE = "Retention demo storefront"
/** What the demo server authenticates to the fake with; not a SendGrid key. */
const FAKE_SENDGRID_KEY = "SG.retention-demo-fake"

type Mail = { env: Record<string, string>; fake: FakeSendgrid | null }

/**
 * The fake SendGrid on a free port, and the server environment pointing the campaigns at it; none
 * when a real SENDGRID_API_KEY is set (the server then reads SendGrid's settings from the environment).
 */
async function startMail(port: number): Promise<Mail> {
  if (process.env.SENDGRID_API_KEY) {
    return { env: {}, fake: null }
  }
  const signer = createWebhookSigner()
  const fake = await startFakeSendgrid({
    apiKey: FAKE_SENDGRID_KEY,
    record: "full",
    webhook: { url: `http://localhost:${port}/webhooks/sendgrid`, signer, events: ["processed", "delivered"] },
  })
  return {
    env: { SENDGRID_API_KEY: FAKE_SENDGRID_KEY, SENDGRID_BASE_URL: fake.url, SENDGRID_WEBHOOK_PUBLIC_KEY: signer.publicKey },
    fake,
  }
}

async function main() {
  const port = Number(process.env.PORT || 9000)
  const found = await findDatabase()
  let server: ChildProcess | undefined
  let mail: Mail | undefined
  const shutdown = async (code: number) => {
    if (server?.pid) {
      // `medusa develop` forks a child that outlives its parent: stop the whole process group.
      try {
        process.kill(-server.pid, "SIGTERM")
      } catch {
        // already gone
      }
    }
    await mail?.fake?.close()
    await found.stop()
    process.exit(code)
  }
  process.on("SIGINT", () => void shutdown(0))
  process.on("SIGTERM", () => void shutdown(0))

  try {
    const env = await prepareDemoDatabase(found, DEMO_DATABASE)
    await medusaCli(["exec", "./src/scripts/seed.ts", ...toExecArgs(process.argv.slice(2))], env)
    await ensureAdminUser(env)
    const publishableKey = await readPublishableKey(env.DATABASE_URL)
    mail = await startMail(port)

    server = spawn(process.execPath, [require.resolve("@medusajs/cli/cli.js"), "develop"], {
      env: { ...process.env, ...env, ...mail.env, PORT: String(port) },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    })
    server.on("exit", (code) => void shutdown(code ?? 1))
    await waitForHealth(port)
    printWelcome(port, publishableKey, found.source, mail.fake)
  } catch (e) {
    process.stderr.write(`${(e as Error)?.message ?? e}\n`)
    await shutdown(1)
  }
}

async function ensureAdminUser(env: Record<string, string>) {
  const client = new Client({ connectionString: env.DATABASE_URL })
  await client.connect()
  try {
    const { rowCount } = await client.query('SELECT 1 FROM "user" WHERE email = $1 AND deleted_at IS NULL', [DEMO_ADMIN.email])
    if (rowCount) {
      return
    }
  } finally {
    await client.end()
  }
  await medusaCli(["user", "-e", DEMO_ADMIN.email, "-p", DEMO_ADMIN.password], env)
}

async function readPublishableKey(databaseUrl: string): Promise<string> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query(
      "SELECT token FROM api_key WHERE title = $1 AND type = 'publishable' AND deleted_at IS NULL AND revoked_at IS NULL",
      [PUBLISHABLE_KEY_TITLE]
    )
    return rows[0]?.token ?? "(none: the seed did not run)"
  } finally {
    await client.end()
  }
}

async function waitForHealth(port: number) {
  const deadline = Date.now() + 180_000
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://localhost:${port}/health`)
      if (res.ok) {
        return
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000))
  }
  throw new Error(`The server did not answer on http://localhost:${port}/health within 3 minutes`)
}

function printWelcome(port: number, key: string, source: string, fake: FakeSendgrid | null) {
  const base = `http://localhost:${port}`
  const email = fake
    ? ` E-mail:            local fake SendGrid at ${fake.url}: no e-mail leaves this machine
   messages sent:   curl -s ${fake.url}/__fake/messages
   real SendGrid:   set SENDGRID_API_KEY (and SENDGRID_WEBHOOK_PUBLIC_KEY) before npm run demo`
    : ` E-mail:            REAL SendGrid (SENDGRID_API_KEY is set): campaigns e-mail real people
   webhook:         point SendGrid's signed event webhook at <public URL>/webhooks/sendgrid`
  process.stdout.write(`
================================================================================
 medusa-plugin-retention demo store is running (database: ${source})

 Admin dashboard:   ${base}/app
   login:           ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}
 Publishable key:   ${key}
 Demo shopper:      ${DEMO_SHOPPER.email} / ${DEMO_SHOPPER.password}
 Campaigns:         ${base}/app/email-campaigns (a draft upgrade campaign is seeded)
${email}

 Try:
 1) The storefront catalogue:
    curl -s '${base}/store/products?limit=5&fields=title,handle' -H 'x-publishable-api-key: ${key}'

 2) Log in as the demo shopper and read their orders:
    TOKEN=$(curl -s -X POST ${base}/auth/customer/emailpass -H 'content-type: application/json' \\
      -d '{"email":"${DEMO_SHOPPER.email}","password":"${DEMO_SHOPPER.password}"}' | sed -E 's/.*"token":"([^"]+)".*/\\1/')
    curl -s '${base}/store/orders?fields=display_id,total,created_at' -H "authorization: Bearer $TOKEN" -H 'x-publishable-api-key: ${key}'

 3) As the admin, the pharmacy's patients:
    ATOKEN=$(curl -s -X POST ${base}/auth/user/emailpass -H 'content-type: application/json' \\
      -d '{"email":"${DEMO_ADMIN.email}","password":"${DEMO_ADMIN.password}"}' | sed -E 's/.*"token":"([^"]+)".*/\\1/')
    curl -s '${base}/admin/customers?q=pharmacy&limit=3&fields=email,metadata' -H "authorization: Bearer $ATOKEN"

 Stop with Ctrl-C.
================================================================================
`)
}

main()
