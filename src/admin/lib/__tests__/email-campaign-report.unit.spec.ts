import type { GroupOutcome } from "../../../modules/email-campaigns/types"
import { compareGroups } from "../../../modules/email-campaigns/utils/incrementality"
import { campaignProgressView, formatEta } from "../email-campaign-progress"
import { comparisonBars, currencySections, funnelSteps, isSignificant, revenueBars } from "../email-campaign-report"
import type { AdminEmailCampaignProgressResponse, AdminEmailCampaignReportResponse } from "../email-campaign-types"

/** 1,000 treated with 60 buyers, 100 held out with 3: a lift the holdout can see. */
const outcomes: GroupOutcome[] = [
  { group: "treatment", recipients: 1000, buyers: 60, currency_code: "eur", revenue: 6000, revenue_sq: 60 * 100 * 100 },
  { group: "holdout", recipients: 100, buyers: 3, currency_code: "eur", revenue: 240, revenue_sq: 3 * 80 * 80 },
]

const report = (patch: Partial<AdminEmailCampaignReportResponse> = {}): AdminEmailCampaignReportResponse => ({
  id: "ecmp_1",
  status: "sent",
  window: { from: "2026-12-01T10:00:00.000Z", to: "2026-12-06T10:00:00.000Z" },
  counts: { audience: 1100, holdout: 100, sent: 1000, failed: 0, suppressed: 0, delivered: 980, bounced: 20, opened: 400, clicked: 120, unsubscribed: 4 },
  attributed: [
    { currency_code: "eur", orders: 50, revenue: 5200 },
    { currency_code: "usd", orders: 2, revenue: 180 },
  ],
  lift: compareGroups(outcomes),
  ...patch,
})

describe("the report's chart data", () => {
  it("walks the funnel from the audience to the attributed orders of every currency, each step as a share of the one before", () => {
    const steps = funnelSteps(report())

    expect(steps.map((s) => [s.key, s.value])).toEqual([
      ["audience", 1100],
      ["sent", 1000],
      ["delivered", 980],
      ["opened", 400],
      ["clicked", 120],
      ["orders", 52],
    ])
    expect(steps[0].ofPrevious).toBeNull()
    expect(steps[3].ofPrevious).toBeCloseTo(400 / 980)
    const nothingSent = funnelSteps(report({ counts: { ...report().counts, sent: 0, delivered: 0 } }))
    expect(nothingSent[2].ofPrevious).toBeNull()
  })

  it("draws the server's interval of the difference on the treated bar, on the holdout's level; the holdout bar has none", () => {
    const [lift] = compareGroups(outcomes)

    for (const metric of ["conversion_rate", "revenue_per_recipient"] as const) {
      const [treated, holdout] = comparisonBars(lift, metric)
      const difference = metric === "conversion_rate" ? lift.conversion_difference! : lift.revenue_per_recipient_difference!
      expect(treated.value).toBe(lift.treatment[metric])
      expect(holdout.value).toBe(lift.holdout[metric])
      expect(holdout.whisker).toBeNull()
      expect(treated.value! - treated.whisker![0]).toBeCloseTo(lift.holdout[metric] + difference.low)
      expect(treated.value! + treated.whisker![1]).toBeCloseTo(lift.holdout[metric] + difference.high)
    }
  })

  it("has no whisker and no holdout bar without a holdout", () => {
    const [lift] = compareGroups([outcomes[0], { group: "holdout", recipients: 0, buyers: 0, currency_code: null, revenue: 0, revenue_sq: 0 }])

    const [treated, holdout] = comparisonBars(lift, "revenue_per_recipient")

    expect(treated.whisker).toBeNull()
    expect(holdout.value).toBeNull()
    expect(revenueBars(lift, 100)[1]).toEqual({ label: "Incremental", value: null, whisker: null, range: null })
  })

  it("sets attributed revenue beside incremental revenue with the incremental interval as its whisker", () => {
    const [lift] = compareGroups(outcomes)
    const [attributed, incremental] = revenueBars(lift, 5200)
    const interval = lift.incremental_revenue!

    expect(attributed).toMatchObject({ value: 5200, whisker: null })
    expect(incremental.value).toBe(interval.estimate)
    expect(incremental.value! - incremental.whisker![0]).toBeCloseTo(interval.low)
    expect(incremental.value! + incremental.whisker![1]).toBeCloseTo(interval.high)
    expect(isSignificant(interval)).toBe(interval.low > 0)
    expect(isSignificant({ estimate: 1, low: -2, high: 4 })).toBe(false)
    expect(isSignificant(null)).toBe(false)
  })

  it("makes one section per currency with orders, a currency with attributed orders only having no comparison", () => {
    const sections = currencySections(report())

    expect(sections.map((s) => s.currency_code)).toEqual(["eur", "usd"])
    expect(sections[0].lift?.currency_code).toBe("eur")
    expect(sections[1]).toEqual({ currency_code: "usd", lift: undefined, attributed: { orders: 2, revenue: 180 } })
  })
})

describe("the progress bar", () => {
  const progress = (patch: Partial<AdminEmailCampaignProgressResponse>): AdminEmailCampaignProgressResponse => ({
    id: "ecmp_1",
    status: "sending",
    audience_size: 1100,
    holdout_size: 100,
    sent: 0,
    failed: 0,
    suppressed: 0,
    pending: 0,
    sending: 0,
    held_out: 100,
    sent_last_minute: 0,
    remaining: 0,
    per_second: 0,
    eta_seconds: null,
    ...patch,
  })

  it("splits the treated recipients into sent, failed, suppressed and remaining (pending and claimed), which add up to the whole", () => {
    const view = campaignProgressView(progress({ sent: 600, failed: 5, suppressed: 15, pending: 300, sending: 80, eta_seconds: 190 }))

    expect(view.total).toBe(1000)
    expect(view.done).toBe(620)
    expect(view.percentDone).toBe(62)
    expect(view.segments.map((s) => [s.key, s.count])).toEqual([
      ["sent", 600],
      ["failed", 5],
      ["suppressed", 15],
      ["remaining", 380],
    ])
    expect(view.segments.reduce((sum, s) => sum + s.percent, 0)).toBeCloseTo(100)
    expect(view.eta).toBe("3 min")
  })

  it("shows nothing to do for an empty audience, and never 100 % before the last recipient is done", () => {
    expect(campaignProgressView(progress({})).percentDone).toBe(0)
    expect(campaignProgressView(progress({ sent: 999, pending: 1 })).percentDone).toBe(99)
  })

  it("says the time left in seconds, minutes or hours while sending, and why there is none otherwise", () => {
    expect(formatEta(null, "sending")).toBe("estimating…")
    expect(formatEta(0.2, "sending")).toBe("1 s")
    expect(formatEta(45, "sending")).toBe("45 s")
    expect(formatEta(3900, "sending")).toBe("1 h 5 min")
    expect(formatEta(7200, "sending")).toBe("2 h")
    expect(formatEta(120, "paused")).toBe("paused")
    expect(formatEta(null, "sent")).toBe("—")
  })
})
