/**
 * CLI: finds (or starts) a PostgreSQL server as `npm run demo` and `npm test` do, prints one JSON
 * line describing it, and with `--hold` keeps an embedded server running until stdin closes.
 * Used by the test of the database-finding code and handy for debugging.
 */
import { findDatabase } from "./database"

async function main() {
  const found = await findDatabase({ localUrl: process.env.RETENTION_LOCAL_PG_URL })
  process.stdout.write(
    `${JSON.stringify({ source: found.source, url: found.serverUrl, host: found.host, port: found.port })}\n`
  )
  if (process.argv.includes("--hold")) {
    await new Promise<void>((resolve) => {
      process.stdin.on("end", resolve)
      process.stdin.on("close", resolve)
      process.stdin.resume()
    })
  }
  await found.stop()
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`)
  process.exit(1)
})
