import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MESSAGING_MODULE } from ".."
import type MessagingModuleService from "../service"

jest.setTimeout(120_000)

const DAY = 86_400_000
const now = new Date("2026-12-01T12:00:00Z")

moduleIntegrationTestRunner<MessagingModuleService>({
  moduleName: MESSAGING_MODULE,
  resolve: "./src/modules/messaging",
  moduleOptions: { messaging: { frequencyCap: { maxMessages: 2, perDays: 7 } } },
  testSuite: ({ service }) => {
    const reserve = (customer_id: string, key: string, at = now) =>
      service.reserveMessage({ customer_id, kind: "reminder", source_id: key, idempotency_key: key, now: at })

    it("reserves a key once: a retry gets the same message back", async () => {
      const first = await reserve("cus_1", "reminder:a")
      const again = await reserve("cus_1", "reminder:a")
      expect(first).toMatchObject({ status: "reserved", created: true })
      expect(again).toMatchObject({ id: first.id, status: "reserved", created: false })
      await service.recordOutcome({ id: first.id, status: "sent", provider_message_id: "noti_1" })
      expect(await reserve("cus_1", "reminder:a")).toMatchObject({ id: first.id, status: "sent", created: false })
    })

    it("holds the cap across the window: the third message in 7 days is suppressed, the next week's is not", async () => {
      expect((await reserve("cus_2", "k1", new Date(now.getTime() - 6 * DAY))).status).toBe("reserved")
      expect((await reserve("cus_2", "k2", now)).status).toBe("reserved")
      expect(await reserve("cus_2", "k3", now)).toMatchObject({ status: "suppressed", reason: "frequency_cap" })
      expect((await reserve("cus_2", "k4", new Date(now.getTime() + 2 * DAY))).status).toBe("reserved")
    })

    it("never lets parallel senders pass a full cap together", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => reserve("cus_3", `p${i}`)))
      expect(results.filter((r) => r.status === "reserved")).toHaveLength(2)
      expect(results.filter((r) => r.status === "suppressed")).toHaveLength(6)
    })

    it("reserves a campaign batch under the same cap, counting the batch itself and returning earlier keys as they were", async () => {
      await reserve("cus_b1", "earlier")
      const batch = await service.reserveMessages({
        kind: "campaign",
        now,
        messages: [
          { customer_id: "cus_b1", source_id: "r1", idempotency_key: "campaign:r1" },
          { customer_id: "cus_b1", source_id: "r2", idempotency_key: "campaign:r2" },
          { customer_id: "cus_b2", source_id: "r3", idempotency_key: "campaign:r3" },
        ],
      })
      expect([...batch.values()].map((m) => m.status)).toEqual(["reserved", "suppressed", "reserved"])
      const again = await service.reserveMessages({ kind: "campaign", now, messages: [{ customer_id: "cus_b2", source_id: "r3", idempotency_key: "campaign:r3" }] })
      expect(again.get("campaign:r3")).toMatchObject({ id: batch.get("campaign:r3")!.id, created: false })
    })

    it("lists suppressed addresses case-insensitively", async () => {
      await service.createEmailSuppressions([{ email: "bounced@example.com", reason: "bounce", source: "sendgrid" }])
      expect([...(await service.listSuppressedEmails(["Bounced@Example.com", "fine@example.com"]))]).toEqual(["bounced@example.com"])
    })
  },
})
