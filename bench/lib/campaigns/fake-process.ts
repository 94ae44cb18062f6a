/**
 * BENCH-ONLY. The local SendGrid fake (dev/fake-sendgrid/server.ts) in a process of its own, so
 * its memory and CPU are not the worker's: started by bench/lib/campaigns/fake.ts with tsx and an
 * IPC channel. It keeps only per-recipient counts (`record: "recipients"`), and answers the
 * bench's questions over IPC, so the millions of recipient ids never cross to the worker:
 * - `summary`: requests, accepted personalizations, distinct recipients, recipients counted more
 *   than once, and an md5 over the sorted recipient ids (compared with the database's);
 * - `count`: how many of the given recipient ids it delivered to (the holdout: none);
 * - `reset`: forgets everything.
 */
import { createHash } from "node:crypto"
import { startFakeSendgrid } from "../../../dev/fake-sendgrid/server"

type Request = { id: number; type: "summary" } | { id: number; type: "count"; ids: string[] } | { id: number; type: "reset" }

async function main() {
  const apiKey = process.env.BENCH_FAKE_SENDGRID_API_KEY
  if (!apiKey || !process.send) {
    throw new Error("start this through bench/lib/campaigns/fake.ts (an IPC channel and BENCH_FAKE_SENDGRID_API_KEY)")
  }
  const fake = await startFakeSendgrid({ apiKey, record: "recipients" })
  process.on("message", (message: Request) => {
    const reply = (body: Record<string, unknown>) => process.send!({ id: message.id, ...body })
    if (message.type === "summary") {
      const ids = [...fake.deliveries.keys()].sort()
      let duplicated = 0
      let deliveries = 0
      for (const count of fake.deliveries.values()) {
        deliveries += count
        if (count > 1) duplicated++
      }
      const md5 = createHash("md5").update(ids.join(",")).digest("hex")
      reply({ stats: { ...fake.stats }, recipients: ids.length, deliveries, duplicated, md5 })
    } else if (message.type === "count") {
      reply({ delivered: message.ids.filter((id) => fake.deliveries.has(id)).length })
    } else if (message.type === "reset") {
      fake.reset()
      reply({})
    }
  })
  // The parent going away (or closing the channel) ends the fake.
  process.on("disconnect", () => {
    void fake.close().finally(() => process.exit(0))
  })
  process.send({ id: 0, url: fake.url })
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`)
  process.exit(1)
})
