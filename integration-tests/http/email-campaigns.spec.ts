import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { startFakeSendgrid, type FakeSendgrid } from "../../dev/fake-sendgrid/server"
import { createWebhookSigner, type WebhookSigner } from "../../dev/fake-sendgrid/webhook-signer"
import { EMAIL_CAMPAIGNS_MODULE } from "../../src/modules/email-campaigns"
import type EmailCampaignsModuleService from "../../src/modules/email-campaigns/service"
import { checkoutPlannedOrder } from "../../src/scripts/demo-data/orders"
import { planCase } from "../../src/scripts/demo-data/plan"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import type { SeedOptions } from "../../src/scripts/demo-data/seed-options"
import { sendEmailCampaignWorkflow } from "../../src/workflows/email-campaigns/send-email-campaign"
import { adminHeaders } from "../helpers/auth"
import { eventually, failure } from "../helpers/requests"

jest.setTimeout(300_000)

const today = new Date(new Date().toISOString().slice(0, 10) + "T00:00:00Z")
const options: SeedOptions = { cases: ["software"], customers: 120, seed: 21, anchor: today }
const SUBJECTS: Record<string, string> = { en: "Upgrade to 3.0, {{first_name}}", de: "Jetzt auf 3.0, {{first_name}}", fr: "Passez à 3.0, {{first_name}}", ja: "3.0 へ" }

let fake: FakeSendgrid
let signer: WebhookSigner

beforeAll(async () => {
  signer = createWebhookSigner()
  fake = await startFakeSendgrid({ apiKey: "SG.fake-campaigns" })
  process.env.SENDGRID_API_KEY = "SG.fake-campaigns"
  process.env.SENDGRID_BASE_URL = fake.url
  process.env.SENDGRID_WEBHOOK_PUBLIC_KEY = signer.publicKey
})
afterAll(async () => {
  delete process.env.SENDGRID_API_KEY
  delete process.env.SENDGRID_BASE_URL
  delete process.env.SENDGRID_WEBHOOK_PUBLIC_KEY
  await fake.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let report: SeedReport
    let headers: { headers: Record<string, string> }
    let campaigns: EmailCampaignsModuleService
    const planned = () => [...planCase("software", options.customers!, options)]

    beforeAll(async () => {
      container = getContainer()
      report = await seedDemoStore(container, options)
      headers = await adminHeaders(container, api)
      campaigns = container.resolve(EMAIL_CAMPAIGNS_MODULE)
    })

    async function segment(name: string, definition: unknown) {
      const { data } = await api.post("/admin/segments", { name, definition }, headers)
      return eventually(async () => (await api.get(`/admin/segments/${data.segment.id}`, headers)).data.segment, (s) => !s.refreshing)
    }

    const templates = (languages: string[]) =>
      languages.map((language) => ({
        language,
        subject: SUBJECTS[language],
        html: `<html><body><p>Hello {{first_name}}, you have {{points}} points.</p><a href="https://pixelforge.example/upgrade?ed=${language}">Upgrade</a> <a href="{{unsubscribe_url}}">Unsubscribe</a></body></html>`,
        text: `Hello {{first_name}}. You have {{points}} points [{{tier}}]. Picks: {{recommended_products}}. Upgrade: https://pixelforge.example/upgrade?ed=${language} Unsubscribe: {{unsubscribe_url}}`,
      }))

    async function sendNow(body: Record<string, unknown>) {
      const { data } = await api.post("/admin/email-campaigns", body, headers)
      // Scheduled for now: the route starts it, the worker sends it.
      await api.post(`/admin/email-campaigns/${data.email_campaign.id}/status`, { action: "schedule" }, headers)
      return eventually(
        async () => (await api.get(`/admin/email-campaigns/${data.email_campaign.id}`, headers)).data.email_campaign,
        (c) => c.status === "sent",
        60_000
      )
    }

    it("sends the vendor's upgrade e-mail only to consenting members of the segment, keeps the holdout out, once each, personalised", async () => {
      const pf3 = report.store.variantBySku["SW-PF3-EN"].product_id
      const target = await segment("EN 2.0 owners in Europe except France", {
        and: [
          { field: "country", op: "in", values: ["EUROPE"] },
          { field: "country", op: "not_in", values: ["fr"] },
          { field: "purchased", op: "bought", skus: ["SW-PF2-EN"] },
          { field: "purchased", op: "not_bought", product_ids: [pf3] },
        ],
      })
      const europe = ["de", "gb", "es", "it", "nl", "se", "pl", "at", "be", "ch", "dk", "ie", "pt"]
      const expected = planned().filter(
        (c) =>
          c.marketing_consent &&
          europe.includes(c.country_code) &&
          c.orders.some((o) => o.lines.some((l) => l.sku === "SW-PF2-EN")) &&
          !c.orders.some((o) => o.lines.some((l) => l.sku.startsWith("SW-PF3-")))
      )
      expect(expected.length).toBeGreaterThan(3)
      fake.reset()
      const campaign = await sendNow({
        name: "Upgrade to 3.0 (EN)",
        segment_id: target.id,
        from_email: "news@pixelforge.example",
        from_name: "PixelForge",
        holdout_percent: 20,
        utm: { source: "newsletter", medium: "email", campaign: "upgrade-3" },
        templates: templates(["en", "de"]),
      })
      const recipients = await campaigns.listCampaignRecipients({ campaign_id: campaign.id })
      expect(recipients.map((r) => r.email).sort()).toEqual(expected.map((c) => c.email.toLowerCase()).sort())
      const held = recipients.filter((r) => r.group === "holdout")
      const treated = recipients.filter((r) => r.group === "treatment")
      expect(treated.every((r) => r.status === "sent")).toBe(true)
      expect(held.every((r) => r.status === "held_out")).toBe(true)
      // Every treated recipient got exactly one message; no holdout member got any.
      expect(fake.messages.map((m) => m.to[0]).sort()).toEqual(treated.map((r) => r.email).sort())
      for (const r of held) expect(fake.deliveries.get(r.id)).toBeUndefined()
      const first = fake.messages.find((m) => m.to[0] === treated[0].email)!
      expect(first.subject).toBe(`Upgrade to 3.0, ${treated[0].first_name}`)
      expect(first.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click")
      expect(first.custom_args).toMatchObject({ recipient_id: treated[0].id, campaign_id: campaign.id })
      // The same split on a re-run: the hash of campaign and customer decides.
      const again = await campaigns.snapshotAudience({ campaign_id: campaign.id })
      expect(again).toMatchObject({ audience: recipients.length, holdout: held.length, created: 0 })

      // A click goes to the signed URL with its UTM tags, and only there.
      const click = first.html!.match(/href="([^"]*\/r\/c\/[^"]+)"/)![1]
      const path = new URL(click).pathname
      const res = await api.get(path, { maxRedirects: 0, validateStatus: () => true })
      expect(res.status).toBe(302)
      const target302 = new URL(res.headers.location)
      expect(target302.origin + target302.pathname).toBe("https://pixelforge.example/upgrade")
      expect(target302.searchParams.get("utm_campaign")).toBe("upgrade-3")
      const token = path.split("/").pop()!
      const forged = `${token.slice(0, -3)}${token.slice(-3) === "AAA" ? "BBB" : "AAA"}`
      expect((await failure(api.get(`/r/c/${forged}`))).status).toBe(400)

      // The clicker orders the next day: attributed; canceling the order takes the revenue away.
      const clicker = treated[0]
      const who = planned().find((c) => c.email.toLowerCase() === clicker.email)!
      const orderId = await checkoutPlannedOrder(container, report.store, {
        customer: who,
        customerId: clicker.customer_id,
        order: {
          ref: "campaign-order-1",
          placed_at: new Date(),
          region_key: "europe",
          currency_code: "eur",
          lines: [{ sku: "SW-PF3-EN", product_handle: "pixelforge-3-0", quantity: 1, unit_amount: 199 }],
        },
      })
      const attributed = await eventually(
        async () => (await api.get(`/admin/email-campaigns/${campaign.id}/report`, headers)).data,
        (r) => r.attributed.length === 1 && r.attributed[0].revenue > 0
      )
      expect(attributed.attributed[0]).toMatchObject({ currency_code: "eur", orders: 1 })
      const { data: list } = await api.get("/admin/email-campaigns", headers)
      expect(list.email_campaigns.find((c: { id: string }) => c.id === campaign.id)).toMatchObject({
        sent: treated.length,
        clicked: 1,
        attributed: [{ currency_code: "eur", orders: 1 }],
      })
      expect(attributed.counts).toMatchObject({ audience: recipients.length, holdout: held.length, sent: treated.length, clicked: 1 })
      expect(attributed.lift[0]).toMatchObject({ currency_code: "eur", treatment: { recipients: treated.length, buyers: 1 }, holdout: { recipients: held.length } })
      await api.post(`/admin/orders/${orderId}/cancel`, {}, headers)
      const canceled = await eventually(
        async () => (await api.get(`/admin/email-campaigns/${campaign.id}/report`, headers)).data,
        (r) => (r.attributed[0]?.revenue ?? 0) === 0
      )
      expect(canceled.attributed).toEqual([])
    })

    /** Each test starts from the seeded store (the runner restores it): a small campaign sent for the test. */
    async function sentCampaign() {
      const target = await segment("German 2.0 owners", { field: "purchased", op: "bought", skus: ["SW-PF2-DE"] })
      fake.reset()
      return sendNow({ name: "Upgrade (DE)", segment_id: target.id, from_email: "news@pixelforge.example", holdout_percent: 0, templates: templates(["de"]) })
    }

    it("counts SendGrid's webhook events once however often they come, refuses unsigned ones, and unsubscribes in one click", async () => {
      const campaign = await sentCampaign()
      const [r1, r2] = await campaigns.listCampaignRecipients({ campaign_id: campaign.id, group: "treatment" })
      const events = [
        { email: r1.email, timestamp: Math.floor(Date.now() / 1000), event: "delivered", sg_event_id: "evt-1", recipient_id: r1.id, campaign_id: campaign.id },
        { email: r2.email, timestamp: Math.floor(Date.now() / 1000), event: "bounce", sg_event_id: "evt-2", recipient_id: r2.id, campaign_id: campaign.id },
      ]
      for (let i = 0; i < 3; i++) {
        const { body, headers: signed } = signer.sign(events)
        const res = await api.post("/webhooks/sendgrid", body, { headers: signed })
        expect(res.data).toMatchObject({ received: 2, recorded: i === 0 ? 2 : 0, duplicates: i === 0 ? 0 : 2 })
      }
      const { body } = signer.sign(events)
      expect((await failure(api.post("/webhooks/sendgrid", body, { headers: { "content-type": "application/json" } }))).status).toBe(401)
      const forged = signer.sign(events)
      expect((await failure(api.post("/webhooks/sendgrid", forged.body.replace("delivered", "open"), { headers: forged.headers }))).status).toBe(401)
      const { data } = await api.get(`/admin/email-campaigns/${campaign.id}/report`, headers)
      expect(data.counts).toMatchObject({ delivered: 1, bounced: 1 })
      const messaging = container.resolve("messaging") as { listSuppressedEmails: (e: string[]) => Promise<Set<string>> }
      expect((await messaging.listSuppressedEmails([r2.email])).has(r2.email)).toBe(true)

      const message = fake.messages.find((m) => m.to[0] === r1.email)!
      const unsubscribe = new URL(message.headers["List-Unsubscribe"].slice(1, -1))
      await api.post(unsubscribe.pathname, "List-Unsubscribe=One-Click", { headers: { "content-type": "application/x-www-form-urlencoded" } })
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      expect(await pg("customer_fact").where({ customer_id: r1.customer_id }).first()).toMatchObject({ email_marketing_consent: false })
      expect(await pg("consent_record").where({ customer_id: r1.customer_id, source: "unsubscribe" })).toHaveLength(1)
    })

    it("personalises by language and gets everything through a storm of 429s and 5xx", async () => {
      const target = await segment("All 2.0 owners", { field: "purchased", op: "bought", skus: ["SW-PF2-EN", "SW-PF2-DE", "SW-PF2-FR", "SW-PF2-JA"] })
      fake.reset()
      fake.injectFaults([429, 429, 500, 429, 503, 429], 300)
      const campaign = await sendNow({
        name: "Upgrade, every language",
        segment_id: target.id,
        from_email: "news@pixelforge.example",
        holdout_percent: 0,
        default_language: "en",
        templates: templates(["en", "de", "fr", "ja"]),
      })
      const recipients = await campaigns.listCampaignRecipients({ campaign_id: campaign.id })
      expect(recipients.filter((r) => r.status === "sent").length).toBe(recipients.length - recipients.filter((r) => r.status === "suppressed").length)
      expect(fake.stats.throttled).toBe(4)
      expect(fake.stats.failed).toBe(2)
      const counts = [...fake.deliveries.values()]
      expect(counts.every((n) => n === 1)).toBe(true)
      const languages = new Set(recipients.map((r) => r.language))
      expect(languages.size).toBeGreaterThan(1)
      // Points, tier and picks come from the facts, read per batch: each one the recipient's own.
      const sent = recipients.filter((x) => x.status === "sent")
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const ids = sent.map((r) => r.customer_id)
      const facts = new Map<string, { points_balance: number; tier_id: string | null }>(
        (await pg("customer_fact").whereIn("customer_id", ids).select("customer_id", "points_balance", "tier_id")).map((f: { customer_id: string }) => [f.customer_id, f])
      )
      const tierNames = new Map<string, string>((await pg("loyalty_tier").select("id", "name")).map((t: { id: string; name: string }) => [t.id, t.name]))
      const boughtTitles = new Map<string, Set<string>>()
      for (const row of await pg("customer_product_fact as f").join("product as p", "p.id", "f.product_id").whereIn("f.customer_id", ids).select("f.customer_id", "p.title")) {
        if (!boughtTitles.has(row.customer_id)) boughtTitles.set(row.customer_id, new Set())
        boughtTitles.get(row.customer_id)!.add(row.title)
      }
      expect([...facts.values()].some((f) => Number(f.points_balance) > 0)).toBe(true)
      const catalogTitles: string[] = (await pg("product").whereNull("deleted_at").select("title")).map((p: { title: string }) => p.title)
      let picked = 0
      for (const r of sent) {
        const message = fake.messages.find((m) => m.custom_args.recipient_id === r.id)!
        expect(message.subject).toBe(SUBJECTS[r.language].replace("{{first_name}}", r.first_name ?? ""))
        const fact = facts.get(r.customer_id)!
        const tier = fact.tier_id ? (tierNames.get(fact.tier_id) ?? "") : ""
        expect(message.text).toContain(`You have ${Number(fact.points_balance)} points [${tier}].`)
        // Titles hold commas ("Minoxidil 5% foam, 60 g"): the picks are read as the catalogue's titles they contain.
        const line = message.text!.match(/Picks: (.*?)\. Upgrade/)![1]
        const picks = catalogTitles.filter((title) => line.includes(title))
        expect(picks.length).toBeLessThanOrEqual(3)
        expect(picks.filter((title) => boughtTitles.get(r.customer_id)?.has(title))).toEqual([])
        picked += picks.length
      }
      expect(picked).toBeGreaterThan(0)
    })

    it("resumes a send that stopped half-way: nobody twice, nobody lost", async () => {
      const target = await segment("Every 2.0 owner again", { field: "purchased", op: "bought", skus: ["SW-PF2-EN", "SW-PF2-DE", "SW-PF2-FR", "SW-PF2-JA"] })
      const { data } = await api.post(
        "/admin/email-campaigns",
        { name: "Resume", segment_id: target.id, from_email: "news@pixelforge.example", holdout_percent: 10, templates: templates(["en"]) },
        headers
      )
      const id = data.email_campaign.id
      await api.post(`/admin/email-campaigns/${id}/status`, { action: "schedule", send_at: new Date(Date.now() + 3600_000).toISOString() }, headers)
      fake.reset()
      await campaigns.transitionStatus({ id, from: ["scheduled"], to: "sending", set: { started_at: new Date() } })
      await campaigns.snapshotAudience({ campaign_id: id })
      // Small batches: the first worker stops after two, as if it had been killed...
      const first = await sendEmailCampaignWorkflow(container).run({ input: { campaign_id: id, max_batches: 2, batch_size: 5 } })
      expect(first.result).toMatchObject({ batches: 2, sent: expect.any(Number) })
      await campaigns.transitionStatus({ id, from: ["sending"], to: "paused" })
      // ...holding a batch it had claimed when it died: left `sending`, as a crash leaves it.
      const claimed = await campaigns.claimBatch({ campaign_id: id, limit: 3 })
      const mid = await campaigns.campaignProgress(id)
      expect(mid.sending).toBe(claimed.recipients.length)
      expect(mid.remaining).toBeGreaterThan(0)
      // The next worker recovers the stale claim (no SendGrid event for it: it was never sent) and finishes.
      await campaigns.transitionStatus({ id, from: ["paused"], to: "sending" })
      await campaigns.recoverStaleBatches({ campaign_id: id, grace_minutes: 0, now: new Date(Date.now() + 1000) })
      await sendEmailCampaignWorkflow(container).run({ input: { campaign_id: id } })
      const done = await campaigns.campaignProgress(id)
      expect(done).toMatchObject({ pending: 0, sending: 0 })
      const treated = await campaigns.listCampaignRecipients({ campaign_id: id, group: "treatment" })
      expect([...fake.deliveries.keys()].sort()).toEqual(treated.filter((r) => r.status === "sent").map((r) => r.id).sort())
      expect([...fake.deliveries.values()].every((n) => n === 1)).toBe(true)
    })

    it("rejects bad campaigns with 400 naming the field", async () => {
      const bad = (body: unknown) => failure(api.post("/admin/email-campaigns", body, headers))
      expect(await bad({ name: "x", segment_id: "seg_missing", from_email: "a@b.example", templates: templates(["en"]) })).toMatchObject({
        status: 400,
        message: expect.stringContaining("segment_id"),
      })
      expect((await bad({ name: "x", segment_id: "s", from_email: "not-an-email", templates: templates(["en"]) })).message).toContain("from_email")
      expect((await bad({ name: "x", segment_id: "s", from_email: "a@b.example", holdout_percent: 80, templates: templates(["en"]) })).message).toContain("holdout_percent")
      expect((await bad({ name: "x", segment_id: "s", from_email: "a@b.example", templates: [] })).message).toContain("templates")
      // A campaign not yet started may be moved to another time.
      const { data: draft } = await api.post(
        "/admin/email-campaigns",
        { name: "Later", segment_id: (await segment("Later", { field: "has_account", value: false })).id, from_email: "a@b.example", templates: templates(["en"]) },
        headers
      )
      const later = new Date(Date.now() + 86_400_000).toISOString()
      await api.post(`/admin/email-campaigns/${draft.email_campaign.id}/status`, { action: "schedule", send_at: later }, headers)
      const even = new Date(Date.now() + 2 * 86_400_000).toISOString()
      const { data: moved } = await api.post(`/admin/email-campaigns/${draft.email_campaign.id}/status`, { action: "schedule", send_at: even }, headers)
      expect(moved.email_campaign).toMatchObject({ status: "scheduled", scheduled_at: even })
      const sent = await sentCampaign()
      expect((await failure(api.post(`/admin/email-campaigns/${sent.id}/status`, { action: "schedule" }, headers))).message).toContain("started")
      expect((await failure(api.post(`/admin/email-campaigns/${sent.id}/status`, { action: "resume" }, headers))).message).toContain("status")
      expect((await failure(api.get("/admin/email-campaigns/ecmp_missing", headers))).status).toBe(404)
    })
  },
})
