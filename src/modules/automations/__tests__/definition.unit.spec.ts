import { parseSteps, parseTrigger } from "../definition/parse"
import { waitMs } from "../definition/schema"

describe("automation definitions", () => {
  it("accepts each trigger and names the bad field of a wrong one", () => {
    expect(parseTrigger({ type: "cart_abandoned", hours: 4 })).toEqual({ ok: true, trigger: { type: "cart_abandoned", hours: 4 } })
    expect(parseTrigger({ type: "order_placed", nth: 2 })).toMatchObject({ ok: true })
    const zero = parseTrigger({ type: "win_back", days: 0 })
    expect(zero).toMatchObject({ ok: false, problems: [{ path: "trigger.days", message: "must be at least 1" }] })
    const unknown = parseTrigger({ type: "birthday" })
    expect(unknown).toMatchObject({ ok: false, problems: [{ path: "trigger.type", message: expect.stringContaining("must be one of: cart_abandoned") }] })
    expect(parseTrigger({ type: "cart_abandoned", hours: 4, extra: 1 }).ok).toBe(false)
  })

  it("accepts the new triggers and names their bad options", () => {
    expect(parseTrigger({ type: "segment_exited", segment_id: "seg_1" })).toMatchObject({ ok: true })
    expect(parseTrigger({ type: "tier_changed" })).toMatchObject({ ok: true })
    expect(parseTrigger({ type: "tier_changed", tier_id: "lptier_1", direction: "down" })).toMatchObject({ ok: true })
    expect(parseTrigger({ type: "tier_changed", direction: "left" })).toMatchObject({ ok: false, problems: [{ path: "trigger.direction" }] })
    expect(parseTrigger({ type: "points_expiring", days: 400 })).toMatchObject({ ok: false, problems: [{ path: "trigger.days", message: "must be at most 365" }] })
    expect(parseTrigger({ type: "anniversary", date: "signup" })).toMatchObject({ ok: true })
    expect(parseTrigger({ type: "anniversary", date: "metadata", metadata_key: "birthday" })).toMatchObject({ ok: true })
    expect(parseTrigger({ type: "anniversary", date: "metadata" })).toMatchObject({
      ok: false,
      problems: [{ path: "trigger.metadata_key", message: 'is required with date "metadata"' }],
    })
    expect(parseTrigger({ type: "anniversary", date: "signup", metadata_key: "x" })).toMatchObject({ ok: false, problems: [{ path: "trigger.metadata_key" }] })
    expect(parseTrigger({ type: "anniversary", date: "metadata", metadata_key: "a'b" })).toMatchObject({ ok: false, problems: [{ path: "trigger.metadata_key" }] })
    expect(parseTrigger({ type: "viewed_not_bought", hours: 0 })).toMatchObject({ ok: false, problems: [{ path: "trigger.hours" }] })
    expect(parseTrigger({ type: "referral_converted" })).toMatchObject({ ok: true })
    expect(parseTrigger({ type: "referral_converted", side: "both" })).toMatchObject({ ok: false, problems: [{ path: "trigger.side" }] })
  })

  it("validates steps with their index in the path", () => {
    const parsed = parseSteps([{ type: "wait", amount: 2, unit: "hours" }, { type: "send_email" }])
    expect(parsed).toMatchObject({ ok: false, problems: [{ path: "steps[1].template" }] })
    expect(parseSteps([{ type: "wait", amount: 1, unit: "days" }])).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining("action") }] })
    expect(parseSteps([{ type: "issue_promotion", amount: 5 }])).toMatchObject({ ok: false, problems: [{ path: "steps[0].currency_code" }] })
    expect(parseSteps([{ type: "issue_promotion", percentage: 10, amount: 5, currency_code: "eur" }]).ok).toBe(false)
    expect(parseSteps([{ type: "adjust_points", points: 0 }]).ok).toBe(false)
    expect(parseSteps([{ type: "issue_promotion", amount: 5, currency_code: "EUR" }])).toEqual({
      ok: true,
      steps: [{ type: "issue_promotion", amount: 5, currency_code: "eur" }],
    })
  })

  it("turns waits into milliseconds", () => {
    expect(waitMs({ type: "wait", amount: 2, unit: "hours" })).toBe(2 * 3_600_000)
    expect(waitMs({ type: "wait", amount: 3, unit: "days" })).toBe(3 * 86_400_000)
  })
})
