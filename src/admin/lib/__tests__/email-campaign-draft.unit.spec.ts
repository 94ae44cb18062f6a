import { validateAndTransformBody, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { AdminCreateEmailCampaign, AdminEmailCampaignStatus, AdminUpdateEmailCampaign } from "../../../api/admin/email-campaigns/validators"
import {
  checkCampaignDraft,
  insertVariable,
  isDraftChanged,
  newCampaignDraft,
  newTemplate,
  placeCampaignErrors,
  scheduleSendAt,
  toCampaignDraft,
  toCampaignPayload,
  type CampaignDraft,
} from "../email-campaign-draft"
import type { EmailCampaign, EmailCampaignTemplate } from "../email-campaign-types"

/** What a route's own body middleware says about a body: the parsed body, or the 400's message. */
async function validate(schema: z.ZodType, body: unknown): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> {
  let failure: unknown
  const next: MedusaNextFunction = (error?: unknown) => {
    failure = error
  }
  const req = { body } as MedusaRequest
  await validateAndTransformBody(schema)(req, {} as MedusaResponse, next)
  return failure instanceof Error ? { ok: false, message: failure.message } : { ok: true, body: req.validatedBody }
}

const saved: EmailCampaign & { templates: EmailCampaignTemplate[] } = {
  id: "ecmp_1",
  name: "PixelForge 3.0 upgrade",
  segment_id: "seg_upgrade",
  status: "draft",
  from_email: "news@pixelforge.example",
  from_name: "PixelForge",
  reply_to: null,
  default_language: "en",
  language_key: "language",
  holdout_percent: 10,
  attribution_window_days: 5,
  attribution_model: "click",
  utm: { source: "newsletter", medium: "email" },
  scheduled_at: null,
  started_at: null,
  finished_at: null,
  paused_at: null,
  audience_size: 0,
  holdout_size: 0,
  last_error: null,
  created_at: "2026-12-01T10:00:00.000Z",
  updated_at: "2026-12-01T10:00:00.000Z",
  templates: [
    { id: "ectpl_de", language: "de", subject: "Jetzt auf 3.0, {{first_name}}", html: "<p>Hallo {{first_name}}</p>", text: "Hallo {{first_name}}" },
    { id: "ectpl_en", language: "en", subject: "Upgrade to 3.0, {{first_name}}", html: "<p>Hello {{first_name}}</p>", text: "Hello {{first_name}}" },
  ],
}

const filled = (patch: Partial<CampaignDraft> = {}): CampaignDraft => ({
  ...newCampaignDraft(),
  name: "Spring newsletter",
  segment_id: "seg_1",
  from_email: "news@shop.example",
  templates: [{ ...newTemplate("en"), subject: "Hello {{first_name}}" }],
  ...patch,
})

describe("the campaign editor's draft", () => {
  it("reads a saved campaign and sends back the same fields, accepted by the update route as they are", async () => {
    const payload = toCampaignPayload(toCampaignDraft(saved))

    const result = await validate(AdminUpdateEmailCampaign, payload)

    expect(result).toEqual({ ok: true, body: payload })
    expect(payload).toEqual({
      name: saved.name,
      segment_id: saved.segment_id,
      from_email: saved.from_email,
      from_name: "PixelForge",
      reply_to: null,
      default_language: "en",
      language_key: "language",
      holdout_percent: 10,
      attribution_window_days: 5,
      attribution_model: "click",
      utm: { source: "newsletter", medium: "email" },
      templates: saved.templates.map(({ language, subject, html, text }) => ({ language, subject, html, text })),
    })
    expect(isDraftChanged(toCampaignDraft(saved), toCampaignDraft(saved))).toBe(false)
  })

  it("sends a new draft the create route accepts: blank optional fields as null, no UTM as null, the starting template with its unsubscribe link", async () => {
    const payload = toCampaignPayload(filled({ from_name: "  ", utm: { source: " ", medium: "", campaign: "", content: "" } }))

    expect(await validate(AdminCreateEmailCampaign, payload)).toMatchObject({ ok: true })
    expect(payload.from_name).toBeNull()
    expect(payload.utm).toBeNull()
    expect(payload.templates[0].html).toContain("{{unsubscribe_url}}")
    expect(payload.templates[0].text).toContain("{{unsubscribe_url}}")
  })

  it("puts the create route's 400 under the inputs it names, a template's problem under its language", async () => {
    const draft = filled({
      from_email: "not an address",
      holdout_percent: "80",
      templates: [
        { ...newTemplate("en"), subject: "Hello" },
        { ...newTemplate("de"), subject: "" },
      ],
    })
    const payload = toCampaignPayload(draft)

    const result = await validate(AdminCreateEmailCampaign, payload)
    if (result.ok) throw new Error("the route accepted the draft")
    const placed = placeCampaignErrors(result.message, payload)

    expect(placed).toEqual({
      fields: { from_email: "from_email must be an e-mail address", holdout_percent: "must be at most 50" },
      templates: { de: { subject: "must not be empty" } },
      form: [],
    })
  })

  it("says a missing field is required and a too long name is too long, under those inputs", async () => {
    const payload = toCampaignPayload(filled({ name: "x".repeat(201) }))
    const { segment_id: _dropped, ...withoutSegment } = payload

    const result = await validate(AdminCreateEmailCampaign, withoutSegment)
    if (result.ok) throw new Error("the route accepted the draft")

    expect(placeCampaignErrors(result.message, withoutSegment).fields).toEqual({
      name: "must have at most 200 characters",
      segment_id: "is required",
    })
  })

  it("puts the create step's messages (unknown segment, no template in the default language) under the segment and the templates", () => {
    const payload = toCampaignPayload(filled({ default_language: "fr" }))

    // As src/workflows/email-campaigns/steps/create-email-campaign.ts words them (it needs the module container to run).
    const segment = placeCampaignErrors('segment_id: no segment "seg_gone"', payload)
    const language = placeCampaignErrors('templates: a template in the default language "fr" is required', payload)

    expect(segment.fields).toEqual({ segment_id: 'no segment "seg_gone"' })
    expect(language.fields).toEqual({ templates: 'a template in the default language "fr" is required' })
  })

  it("puts a bad send_at under the schedule, and a refusal that names no input (status, SendGrid not configured) above the form", async () => {
    const result = await validate(AdminEmailCampaignStatus, { action: "schedule", send_at: "next tuesday" })
    if (result.ok) throw new Error("the route accepted the date")

    expect(placeCampaignErrors(result.message, {}).fields).toEqual({ send_at: "send_at must be an ISO 8601 date-time" })
    const refused = placeCampaignErrors("status: a sending campaign cannot become scheduled (only draft can)", {})
    expect(refused).toEqual({ fields: {}, templates: {}, form: ["status: a sending campaign cannot become scheduled (only draft can)"] })
    expect(placeCampaignErrors("SendGrid is not configured: set SENDGRID_API_KEY or options.campaigns.sendgridApiKey", {}).form).toHaveLength(1)
  })

  it("refuses numbers the form cannot send (empty or not a number) before asking the server", () => {
    expect(checkCampaignDraft(filled())).toEqual({})
    expect(Object.keys(checkCampaignDraft(filled({ holdout_percent: "", attribution_window_days: "2.5" })))).toEqual([
      "holdout_percent",
      "attribution_window_days",
    ])
  })

  it("inserts a variable at the caret or over the selection, and puts the caret after it", () => {
    expect(insertVariable("Hello ,", 6, 6, "first_name")).toEqual({ value: "Hello {{first_name}},", caret: 20 })
    expect(insertVariable("Hi NAME!", 3, 7, "first_name")).toEqual({ value: "Hi {{first_name}}!", caret: 17 })
    expect(insertVariable("abc", 10, 12, "points")).toEqual({ value: "abc{{points}}", caret: 13 })
  })

  it("schedules now without send_at, refuses a missing or past time, and sends a future local time as ISO", () => {
    const now = Date.parse("2026-12-01T10:00:00Z")
    expect(scheduleSendAt({ when: "now", at: "2020-01-01T00:00" }, now)).toEqual({})
    expect(scheduleSendAt({ when: "at", at: "" }, now).error).toBeDefined()
    expect(scheduleSendAt({ when: "at", at: "2026-11-30T09:00" }, now).error).toBeDefined()
    const future = scheduleSendAt({ when: "at", at: "2026-12-24T18:30" }, now)
    expect(future).toEqual({ send_at: new Date("2026-12-24T18:30").toISOString() })
  })
})
