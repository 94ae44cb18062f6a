/**
 * E-mail campaigns at scale (issue 8: "100k and 1M recipients to the fake SendGrid on one worker:
 * emails/s, wall time, peak RSS (targets at 1M: < 5 minutes, < 500 MB), beside a
 * one-request-per-recipient baseline in the same run").
 *
 * At every size in BENCH_SIZES (customers, all of them members of the campaign's segment with
 * marketing consent, no suppressions; the segments bench's facts), in schema
 * retention_bench_campaigns_<size> (bench/lib/campaigns/load.ts), with the local SendGrid fake in
 * a process of its own (bench/lib/campaigns/fake.ts: its memory and CPU are not the worker's):
 * - baseline, one request per recipient: the same send loop, `sendCampaignBatches` with
 *   `batch_size: 1` and one in flight (claim, reserve, the recipient's facts, one POST with one
 *   personalization, settle), over a campaign to a sample segment of SAMPLE customers; emails/s measured there and
 *   extrapolated to the size's treated audience (treated ÷ that rate);
 * - the campaign, on one worker: what the worker does when a campaign starts (the status moved to
 *   `sending`, `snapshotAudience` with the messaging module's frequency cap, as the start step
 *   runs it), then `sendCampaignBatches` until nothing is pending (batches of 1000, SEND_CONCURRENCY
 *   in flight as the module's `sendConcurrency` default (CAMPAIGNS_BENCH_CONCURRENCY): claim,
 *   reserve in the message ledger, the recipients' facts and tiers, one @sendgrid/mail request,
 *   settle). Wall time of both, emails/s, peak RSS of this process (the worker), where the time
 *   went (the module calls timed around the unchanged code);
 * - the check: every treated recipient of both campaigns delivered exactly once at the fake (its
 *   per-recipient counts: number, duplicates, an md5 over the sorted ids against the database's),
 *   none of the holdout, none left unsent, the message ledger agreeing.
 */
import { Client as SendgridClient } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"
import { CAMPAIGN_DEFAULTS } from "../src/modules/email-campaigns/types"
import { sendCampaignBatches, type SendCampaignResult } from "../src/workflows/email-campaigns/steps/send-campaign-batches"
import { benchDatabaseUrl, benchSizes } from "./lib/env"
import { defineBench, type BenchCase, type BenchContext } from "./lib/harness"
import { RssSampler } from "./lib/rss"
import { cpuMeter, type CpuMeter } from "./lib/campaigns/cpu"
import { startFakeProcess, type FakeProcess } from "./lib/campaigns/fake"
import { dropCampaigns, loadCampaigns, type CampaignLoad } from "./lib/campaigns/load"
import { connect } from "./lib/schema"
import { describeTimes, timeCalls, type CallTimes } from "./lib/reminders/timings"

const SAMPLE = Number(process.env.CAMPAIGNS_BENCH_SAMPLE ?? 2000)
const SEND_CONCURRENCY = Number(process.env.CAMPAIGNS_BENCH_CONCURRENCY ?? CAMPAIGN_DEFAULTS.sendConcurrency)
/** Keep the bench schema after the run (for a look at it); dropped by default. */
const KEEP = process.env.CAMPAIGNS_BENCH_KEEP === "1"
const TARGET_WALL_S = 300
const TARGET_RSS_MB = 500
const API_KEY = "SG.bench-campaigns"

const sizes = benchSizes()
const notes: string[] = [
  "data: the segments bench's customers (three demo cases), every one a member of the campaign's segment with e-mail marketing consent, a first name, points and a tier; no suppressed address, empty message ledger, frequency cap 3 per 7 days (the default); the vendor's upgrade e-mail in en and de (customers of other languages get en), 2 tracked links + unsubscribe + open pixel, UTM tags, 10 % holdout",
  "the fake SendGrid runs in its own process (node + tsx), keeping per-recipient counts only; peak RSS = the worker (this process: modules, send loop); backend RSS = the PostgreSQL backends serving the modules; the fake's own peak is a column",
  `baseline: sendCampaignBatches with batch_size 1 over a sample campaign of ${SAMPLE.toLocaleString("en-US")} customers (one claim, reservation, facts read, POST and settle per recipient); its emails/s is the sample's sent ÷ its wall time, and "extrapolated (s)" = the size's treated audience ÷ that rate`,
  "campaign: wall time = status → sending + snapshotAudience + sendCampaignBatches until none pending; rows/s = emails sent ÷ that wall time; send emails/s = ÷ the send loop's time only; × baseline = send emails/s ÷ baseline emails/s",
]
const verdicts: string[] = []
const log = (line: string) => process.stderr.write(`  [campaigns] ${line}\n`)
const fmt = (n: number) => Math.round(n).toLocaleString("en-US")

type SizeState = { load: CampaignLoad; fake: FakeProcess; baselineRate?: number; treated?: number }
let current: { size: number; state: SizeState } | null = null

function state(size: number): SizeState {
  if (!current || current.size !== size) {
    throw new Error(`size ${size} is not loaded`)
  }
  return current.state
}

async function closeCurrent(): Promise<void> {
  if (current) {
    const { size, state: s } = current
    current = null
    await s.load.modules.shutdown().catch(() => undefined)
    await s.fake.stop()
    if (!KEEP) await dropCampaigns(benchDatabaseUrl(), size)
  }
}

/** Times the module calls of the send loop (and the SendGrid client) into `times`; returns the undo. */
function timeSendLoop(s: SizeState, times: CallTimes): () => void {
  const { campaigns, messaging, facts, loyalty, product } = s.load.modules
  const undo = [
    timeCalls(times, "claimBatch", campaigns, "claimBatch"),
    timeCalls(times, "settleBatch", campaigns, "settleBatch"),
    timeCalls(times, "listEmailCampaigns (status check)", campaigns, "listEmailCampaigns"),
    timeCalls(times, "reserveMessages", messaging, "reserveMessages"),
    timeCalls(times, "recordOutcomes", messaging, "recordOutcomes"),
    timeCalls(times, "listRecipientFacts", facts, "listRecipientFacts"),
    timeCalls(times, "listPopularProducts", facts, "listPopularProducts"),
    timeCalls(times, "listLoyaltyTiers", loyalty, "listLoyaltyTiers"),
    timeCalls(times, "listProducts", product, "listProducts"),
    // mail.send = building the body (@sendgrid/mail's Mail.toJSON) + the client's request; the request alone below.
    timePrototypeCalls(times, "mail.send (body + request)", MailService.prototype, "send"),
    timePrototypeCalls(times, "client.request (HTTP to the fake)", SendgridClient.prototype, "request"),
  ]
  return () => undo.forEach((restore) => restore())
}

/** Like `timeCalls`, for a method of a class's prototype (every instance, e.g. the mailer the send loop creates), keeping `this`. */
function timePrototypeCalls(times: CallTimes, label: string, prototype: object, method: string): () => void {
  const target = prototype as Record<string, unknown>
  const original = target[method] as (...args: unknown[]) => unknown
  target[method] = async function (this: unknown, ...args: unknown[]) {
    const started = performance.now()
    try {
      return await original.apply(this, args)
    } finally {
      const entry = (times[label] ??= { ms: 0, calls: 0 })
      entry.ms += performance.now() - started
      entry.calls++
    }
  }
  return () => {
    target[method] = original
  }
}

/** What the timed calls leave of `wallMs`: the loop's own JavaScript (personalization, links) and waits. */
function untimed(times: CallTimes, wallMs: number): number {
  const nested = new Set(["client.request (HTTP to the fake)", "listPopularProducts", "listProducts"])
  return wallMs - Object.entries(times).filter(([label]) => !nested.has(label)).reduce((sum, [, t]) => sum + t.ms, 0)
}

async function watchBackends(s: SizeState, context: BenchContext, cpu: CpuMeter) {
  for (const pid of await s.load.modules.backendPids()) {
    context.watchPid(pid)
    cpu.watch("postgres", pid)
  }
  cpu.watch("fake", s.fake.pid)
}

/** "worker 12.3 s, postgres 8.1 s, fake 2.0 s CPU (1.37 / 0.90 / 0.22 s per 1000 e-mails)". */
function describeCpu(cpu: Record<string, number>, emails: number): string {
  const labels = Object.keys(cpu)
  return (
    labels.map((l) => `${l} ${cpu[l].toFixed(1)} s`).join(", ") +
    ` CPU (${labels.map((l) => (emails ? (cpu[l] / emails) * 1000 : 0).toFixed(2)).join(" / ")} s per 1000 e-mails)`
  )
}

function cpuExtra(cpu: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(cpu).map(([l, v]) => [`CPU ${l} (s)`, round1(v)]))
}

/** Logs the send's progress every 30 s (from the timed claims), and runs `every` (new backends are watched). */
function progressLogger(times: CallTimes, label: string, started: number, every: () => Promise<void>): () => void {
  const timer = setInterval(() => {
    void every().catch(() => undefined)
    const claims = times.claimBatch?.calls ?? 0
    const memory = process.memoryUsage()
    log(
      `${label}: ${fmt(claims)} batches claimed after ${((performance.now() - started) / 1000).toFixed(0)} s; ` +
        `rss ${fmt(memory.rss / 2 ** 20)} MiB, heap ${fmt(memory.heapUsed / 2 ** 20)} / ${fmt(memory.heapTotal / 2 ** 20)} MiB, external ${fmt(memory.external / 2 ** 20)} MiB`
    )
  }, 30_000)
  timer.unref()
  return () => clearInterval(timer)
}

function resultExtra(result: SendCampaignResult) {
  return { sent: result.sent, failed: result.failed, suppressed: result.suppressed, batches: result.batches, throttled: result.throttled, status: result.status }
}

function casesFor(size: number): BenchCase[] {
  const load: BenchCase = {
    case: "load (campaigns schema, customers, memberships, campaigns)",
    size,
    group: "load",
    iterations: 1,
    fn: async (context) => {
      await closeCurrent()
      const url = benchDatabaseUrl()
      const fake = await startFakeProcess(API_KEY)
      try {
        const loaded = await loadCampaigns(url, size, { sample: SAMPLE, sendgrid: { baseUrl: fake.url, apiKey: fake.apiKey }, log, onBackend: (pid) => context.watchPid(pid) })
        current = { size, state: { load: loaded, fake } }
        const t = loaded.timings
        notes.push(
          `@ ${fmt(size)}: ${fmt(loaded.customers)} customers (facts schema ${loaded.facts.schema}${loaded.facts.reused ? ", reused" : ", loaded now"}), ` +
            `${fmt(loaded.members)} segment members, ${fmt(loaded.sampleMembers)} in the sample; load: facts ${(t.factsMs / 1000).toFixed(0)} s, schema and modules ${(t.schemaMs / 1000).toFixed(0)} s, ` +
            `customer_fact ${(t.customersMs / 1000).toFixed(0)} s, memberships ${(t.membershipMs / 1000).toFixed(0)} s; fake SendGrid pid ${fake.pid} at ${fake.url}`
        )
        return { extra: { customers: loaded.customers, members: loaded.members } }
      } catch (e) {
        await fake.stop()
        throw e
      }
    },
  }

  const baseline: BenchCase = {
    case: `baseline: 1 request per recipient (batch_size 1), sample of ${fmt(SAMPLE)}`,
    size,
    group: "baseline",
    baseline: true,
    iterations: 1,
    fn: async (context) => {
      const s = state(size)
      const cpu = cpuMeter()
      await watchBackends(s, context, cpu)
      const { campaigns, messaging, container } = s.load.modules
      const id = s.load.sampleCampaignId
      await campaigns.transitionStatus({ id, from: ["draft"], to: "sending", set: { started_at: new Date() } })
      const audience = await campaigns.snapshotAudience({ campaign_id: id, cap: messaging.getFrequencyCap() })
      const times: CallTimes = {}
      const undo = timeSendLoop(s, times)
      const started = performance.now()
      const stopProgress = progressLogger(times, "baseline", started, () => watchBackends(s, context, cpu))
      let result: SendCampaignResult
      try {
        result = await sendCampaignBatches(container, { campaign_id: id, batch_size: 1, concurrency: 1 })
      } finally {
        stopProgress()
        undo()
      }
      const sendMs = performance.now() - started
      const used = cpu.read()
      const rate = result.sent / (sendMs / 1000)
      const treated = Math.round(size * (1 - 0.1))
      s.baselineRate = rate
      notes.push(`baseline @ ${fmt(size)}: ${fmt(audience.audience)} recipients (${fmt(audience.holdout)} held out), ${fmt(result.sent)} sent in ${(sendMs / 1000).toFixed(1)} s`)
      notes.push(`baseline @ ${fmt(size)}, where the time went: ${describeTimes(times)}; untimed (personalization, links, loop) ${(untimed(times, sendMs) / 1000).toFixed(1)} s; ${describeCpu(used, result.sent)}`)
      return {
        rows: result.sent,
        extra: { ...resultExtra(result), "send emails/s": Math.round(rate), "extrapolated (s)": Math.round(treated / rate), "fake RSS (MiB)": mib(s.fake.peakRssBytes()), ...cpuExtra(used) },
      }
    },
  }

  const campaign: BenchCase = {
    case: `campaign on one worker: snapshot + send (batches of 1000, ${SEND_CONCURRENCY} in flight)`,
    size,
    group: "campaign",
    iterations: 1,
    fn: async (context) => {
      const s = state(size)
      const cpu = cpuMeter()
      await watchBackends(s, context, cpu)
      const { campaigns, messaging, container } = s.load.modules
      const id = s.load.campaignId
      // The harness samples this process's RSS too; this sampler is for the verdict written here.
      const sampler = new RssSampler()
      const started = performance.now()
      await campaigns.transitionStatus({ id, from: ["draft"], to: "sending", set: { started_at: new Date() } })
      const audience = await campaigns.snapshotAudience({ campaign_id: id, cap: messaging.getFrequencyCap() })
      const snapshotMs = performance.now() - started
      log(`snapshot: ${fmt(audience.audience)} recipients (${fmt(audience.holdout)} held out) in ${(snapshotMs / 1000).toFixed(1)} s`)
      await watchBackends(s, context, cpu)
      const snapshotCpu = cpu.read()
      const times: CallTimes = {}
      const undo = timeSendLoop(s, times)
      const sendStarted = performance.now()
      const stopProgress = progressLogger(times, "send", sendStarted, () => watchBackends(s, context, cpu))
      let result: SendCampaignResult
      try {
        result = await sendCampaignBatches(container, { campaign_id: id, concurrency: SEND_CONCURRENCY })
      } finally {
        stopProgress()
        undo()
      }
      const sendMs = performance.now() - sendStarted
      const wallMs = performance.now() - started
      const used = cpu.read()
      const sendCpu = Object.fromEntries(Object.entries(used).map(([l, v]) => [l, v - (snapshotCpu[l] ?? 0)]))
      const peakMiB = sampler.stop().peakRssBytes / 2 ** 20
      const rate = result.sent / (sendMs / 1000)
      s.treated = audience.audience - audience.holdout
      const met = (ok: boolean) => (ok ? "met" : "MISSED")
      verdicts.push(
        `targets @ ${fmt(size)}${size === 1_000_000 ? "" : " (the targets are for 1M)"}: wall ${(wallMs / 1000).toFixed(0)} s (< ${TARGET_WALL_S} s: ${met(wallMs < TARGET_WALL_S * 1000)}), ` +
          `worker peak RSS ${peakMiB.toFixed(0)} MiB (< ${TARGET_RSS_MB} MB: ${met(peakMiB * 2 ** 20 < TARGET_RSS_MB * 1e6)}); ` +
          (s.baselineRate ? `one request per recipient would take ~${fmt(s.treated / s.baselineRate)} s for these ${fmt(s.treated)} treated recipients; batches ${round1(rate / s.baselineRate)}× faster` : "")
      )
      notes.push(
        `campaign @ ${fmt(size)}: audience ${fmt(audience.audience)}, holdout ${fmt(audience.holdout)}; snapshot ${(snapshotMs / 1000).toFixed(1)} s, send ${(sendMs / 1000).toFixed(1)} s ` +
          `(${fmt(result.batches)} requests), wall ${(wallMs / 1000).toFixed(1)} s; ${JSON.stringify(result)}`
      )
      const untimedNote =
        SEND_CONCURRENCY > 1
          ? `call times summed over the ${SEND_CONCURRENCY} lanes (they overlap, so they add up to more than the wall time)`
          : `untimed (personalization, links, loop) ${(untimed(times, sendMs) / 1000).toFixed(1)} s`
      notes.push(`campaign @ ${fmt(size)}, where the send's time went: ${describeTimes(times)}; ${untimedNote}; send: ${describeCpu(sendCpu, result.sent)}`)
      return {
        rows: result.sent,
        extra: {
          ...resultExtra(result),
          "snapshot (s)": round1(snapshotMs / 1000),
          "send (s)": round1(sendMs / 1000),
          "send emails/s": Math.round(rate),
          "× baseline": s.baselineRate ? round1(rate / s.baselineRate) : "-",
          "fake RSS (MiB)": mib(s.fake.peakRssBytes()),
          ...cpuExtra(used),
        },
      }
    },
  }

  const check: BenchCase = {
    case: "check: deliveries at the fake against the recipients",
    size,
    group: "check",
    iterations: 1,
    fn: async () => {
      const s = state(size)
      const client = await connect(benchDatabaseUrl(), s.load.schema, "retention_bench_campaigns_check")
      try {
        const [counts] = (
          await client.query<Record<string, number>>(
            `SELECT count(*) FILTER (WHERE "group" = 'treatment')::int AS treated,
                    count(*) FILTER (WHERE "group" = 'treatment' AND status = 'sent')::int AS sent,
                    count(*) FILTER (WHERE "group" = 'treatment' AND status <> 'sent')::int AS unsent,
                    count(*) FILTER (WHERE "group" = 'holdout')::int AS holdout,
                    count(*) FILTER (WHERE "group" = 'holdout' AND status <> 'held_out')::int AS holdout_moved
             FROM campaign_recipient`
          )
        ).rows
        const [{ md5 }] = (
          await client.query<{ md5: string }>(`SELECT md5(coalesce(string_agg(id, ',' ORDER BY id COLLATE "C"), '')) AS md5 FROM campaign_recipient WHERE status = 'sent'`)
        ).rows
        const [{ ledger }] = (await client.query<{ ledger: number }>(`SELECT count(*)::int AS ledger FROM marketing_message WHERE kind = 'campaign' AND status = 'sent'`)).rows
        const holdoutIds = (await client.query<{ id: string }>(`SELECT id FROM campaign_recipient WHERE "group" = 'holdout'`)).rows.map((r) => r.id)
        const fake = await s.fake.summary()
        const holdoutDelivered = await s.fake.countDelivered(holdoutIds)
        const exactlyOnce = fake.recipients === counts.sent && fake.duplicated === 0 && fake.md5 === md5 && fake.deliveries === counts.sent
        const ok = exactlyOnce && counts.unsent === 0 && holdoutDelivered === 0 && counts.holdout_moved === 0 && ledger === counts.sent
        notes.push(
          `check @ ${fmt(size)} (both campaigns): ${fmt(counts.treated)} treated, ${fmt(counts.sent)} sent, ${fmt(counts.unsent)} not sent; the fake: ${fmt(fake.stats.requests)} requests, ` +
            `${fmt(fake.stats.accepted)} personalizations accepted, ${fmt(fake.stats.rejected)} rejected, ${fmt(fake.recipients)} distinct recipients, ${fmt(fake.duplicated)} more than once, ` +
            `ids ${fake.md5 === md5 ? "identical to" : "DIFFERENT from"} the sent recipients'; holdout ${fmt(counts.holdout)}, ${fmt(holdoutDelivered)} delivered; ledger ${fmt(ledger)} sent: ${ok ? "OK" : "FAILED"}`
        )
        return {
          extra: {
            treated: counts.treated,
            sent: counts.sent,
            "at the fake": fake.recipients,
            "more than once": fake.duplicated,
            "not sent": counts.unsent,
            "holdout delivered": holdoutDelivered,
            "same ids": fake.md5 === md5 ? "yes" : "NO",
            check: ok ? "OK" : "FAILED",
          },
        }
      } finally {
        await client.end()
      }
    },
  }
  return [load, baseline, campaign, check]
}

function mib(bytes: number | null): number | string {
  return bytes === null ? "-" : Math.round(bytes / 2 ** 20)
}

function round1(n: number): number {
  return Math.round(n * 10) / 10
}

export default defineBench({
  name: "campaigns",
  description: "e-mail campaigns: snapshot and send of a campaign to every customer on one worker, beside one request per recipient",
  notes,
  cases: sizes.flatMap(casesFor),
  teardown: async () => {
    await closeCurrent()
    notes.push(...verdicts)
  },
})
