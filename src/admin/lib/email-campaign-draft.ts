/**
 * The campaign editor's draft: what the form holds (text as typed), the body it sends, and where
 * a refused save's messages go. Medusa's 400 names fields by path ("Value for field 'templates, 1,
 * subject' too small…", "segment_id: no segment …"); each message is placed under the input it
 * names, a template's under that language's tab.
 */
import { TEMPLATE_VARIABLES } from "../../modules/email-campaigns/utils/render"
import type { AdminEmailCampaignPayload, AttributionModel, CampaignUtm, EmailCampaign, EmailCampaignTemplate } from "./email-campaign-types"

export { TEMPLATE_VARIABLES }
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]

export const TEMPLATE_PARTS = ["subject", "html", "text"] as const
export type TemplatePart = (typeof TEMPLATE_PARTS)[number]

export type TemplateDraft = { language: string; subject: string; html: string; text: string }

export const UTM_KEYS = ["source", "medium", "campaign", "content"] as const
export type UtmKey = (typeof UTM_KEYS)[number]

export type CampaignDraft = {
  name: string
  segment_id: string
  from_email: string
  from_name: string
  reply_to: string
  default_language: string
  language_key: string
  holdout_percent: string
  attribution_window_days: string
  attribution_model: AttributionModel
  utm: Record<UtmKey, string>
  templates: TemplateDraft[]
}

/** When "Schedule" sends: now, or at a local date-time (`<input type="datetime-local">`). */
export type ScheduleDraft = { when: "now" | "at"; at: string }

/** The inputs a message can be placed under. */
export const CAMPAIGN_FIELDS = [
  "name",
  "segment_id",
  "from_email",
  "from_name",
  "reply_to",
  "default_language",
  "language_key",
  "holdout_percent",
  "attribution_window_days",
  "attribution_model",
  "utm.source",
  "utm.medium",
  "utm.campaign",
  "utm.content",
  "templates",
  "send_at",
] as const
export type CampaignField = (typeof CAMPAIGN_FIELDS)[number]

export type PlacedCampaignErrors = {
  fields: Partial<Record<CampaignField, string>>
  /** By template language, then part (`language` for the template as a whole). */
  templates: Record<string, Partial<Record<TemplatePart | "language", string>>>
  /** What names no input (or an input the form does not have). */
  form: string[]
}

/** Languages offered when adding a template; a campaign's own languages are always kept. */
export const COMMON_LANGUAGES = ["en", "de", "fr", "es", "it", "nl", "pt", "sv", "da", "nb", "fi", "pl", "cs", "ja", "ko", "zh"]

/** "de" → "German" (in the browser's language), the code itself where the browser has no name. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(undefined, { type: "language" }).of(code) ?? code
  } catch {
    return code
  }
}

/** A starting template: the greeting and the unsubscribe link every campaign e-mail must carry. */
export function newTemplate(language: string): TemplateDraft {
  return {
    language,
    subject: "",
    html: `<html>\n<body>\n<p>Hello {{first_name}},</p>\n\n<p></p>\n\n<p style="font-size:12px;color:#777"><a href="{{unsubscribe_url}}">Unsubscribe</a></p>\n</body>\n</html>`,
    text: "Hello {{first_name}},\n\n\n\nUnsubscribe: {{unsubscribe_url}}",
  }
}

/** An empty campaign with the server's defaults (10 % holdout, click within 5 days, English). */
export function newCampaignDraft(): CampaignDraft {
  return {
    name: "",
    segment_id: "",
    from_email: "",
    from_name: "",
    reply_to: "",
    default_language: "en",
    language_key: "language",
    holdout_percent: "10",
    attribution_window_days: "5",
    attribution_model: "click",
    utm: { source: "", medium: "", campaign: "", content: "" },
    templates: [newTemplate("en")],
  }
}

/** The draft of a saved campaign. */
export function toCampaignDraft(campaign: EmailCampaign & { templates: EmailCampaignTemplate[] }): CampaignDraft {
  const utm = campaign.utm ?? {}
  return {
    name: campaign.name,
    segment_id: campaign.segment_id,
    from_email: campaign.from_email,
    from_name: campaign.from_name ?? "",
    reply_to: campaign.reply_to ?? "",
    default_language: campaign.default_language,
    language_key: campaign.language_key,
    holdout_percent: String(campaign.holdout_percent),
    attribution_window_days: String(campaign.attribution_window_days),
    attribution_model: campaign.attribution_model,
    utm: { source: utm.source ?? "", medium: utm.medium ?? "", campaign: utm.campaign ?? "", content: utm.content ?? "" },
    templates: campaign.templates.map(({ language, subject, html, text }) => ({ language, subject, html, text })),
  }
}

/** Numbers the form cannot send as typed (the server would only say the type is wrong). */
export function checkCampaignDraft(draft: CampaignDraft): Partial<Record<CampaignField, string>> {
  const errors: Partial<Record<CampaignField, string>> = {}
  if (draft.holdout_percent.trim() === "" || !Number.isFinite(Number(draft.holdout_percent))) {
    errors.holdout_percent = "Enter a share between 0 and 50 %"
  }
  if (draft.attribution_window_days.trim() === "" || !Number.isInteger(Number(draft.attribution_window_days))) {
    errors.attribution_window_days = "Enter a whole number of days between 1 and 90"
  }
  return errors
}

/** The create / update body: every field, so an update replaces what the form shows (templates included). */
export function toCampaignPayload(draft: CampaignDraft): AdminEmailCampaignPayload {
  const utmEntries = UTM_KEYS.map((key) => [key, draft.utm[key].trim()] as const).filter(([, value]) => value)
  return {
    name: draft.name,
    segment_id: draft.segment_id,
    from_email: draft.from_email,
    from_name: draft.from_name.trim() || null,
    reply_to: draft.reply_to.trim() || null,
    default_language: draft.default_language,
    language_key: draft.language_key.trim(),
    holdout_percent: Number(draft.holdout_percent),
    attribution_window_days: Number(draft.attribution_window_days),
    attribution_model: draft.attribution_model,
    utm: utmEntries.length ? (Object.fromEntries(utmEntries) as CampaignUtm) : null,
    templates: draft.templates.map(({ language, subject, html, text }) => ({ language, subject, html, text })),
  }
}

/** Whether the form differs from the saved campaign (the preview shows the saved one). */
export function isDraftChanged(draft: CampaignDraft, saved: CampaignDraft): boolean {
  return JSON.stringify(toCampaignPayload(draft)) !== JSON.stringify(toCampaignPayload(saved))
}

/** `send_at` for the status route (undefined: now), or the message for the schedule input. */
export function scheduleSendAt(schedule: ScheduleDraft, now = Date.now()): { send_at?: string; error?: string } {
  if (schedule.when === "now") {
    return {}
  }
  const at = schedule.at ? new Date(schedule.at) : null
  if (!at || Number.isNaN(at.getTime())) {
    return { error: "Choose the date and time to send at" }
  }
  if (at.getTime() <= now) {
    return { error: "Choose a time in the future, or send now" }
  }
  return { send_at: at.toISOString() }
}

/** Inserts `{{name}}` over the selection of a text input; answers the new text and where the caret goes. */
export function insertVariable(value: string, start: number, end: number, name: string): { value: string; caret: number } {
  const token = `{{${name}}}`
  const from = Math.max(0, Math.min(start, value.length))
  const to = Math.max(from, Math.min(end, value.length))
  return { value: value.slice(0, from) + token + value.slice(to), caret: from + token.length }
}

const valueAt = (root: unknown, path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), root)

/** Medusa's generic zod wording, said for the field it is under. */
function humanize(message: string, value: unknown): string {
  const small = /too small, expected at least: '(\d+)'/.exec(message)
  if (small) {
    const n = Number(small[1])
    if (typeof value === "string") return n <= 1 ? "must not be empty" : `must have at least ${n} characters`
    if (Array.isArray(value)) return `needs at least ${n}`
    return `must be at least ${n}`
  }
  const big = /too big, expected at most: '(\d+)'/.exec(message)
  if (big) {
    return typeof value === "string" ? `must have at most ${big[1]} characters` : `must be at most ${big[1]}`
  }
  const type = /^Expected type: '([^']+)'/.exec(message)
  if (type) return `must be a ${type[1]}`
  if (/^Field '[^']+' is required/.test(message)) return "is required"
  if (/^Expected: '([^']+)' for field/.test(message)) return `must be one of ${/^Expected: '([^']+)'/.exec(message)![1]}`
  return message
}

/**
 * Places the messages of a refused save (or schedule) under the inputs they name. `message` is the
 * server's ("Invalid request: a; b; c" from the validator, or one workflow message such as
 * "segment_id: no segment …"); `payload` is the body that was sent, to tell which template an
 * index means and what kind of value a field held.
 */
export function placeCampaignErrors(message: string, payload: Partial<AdminEmailCampaignPayload>): PlacedCampaignErrors {
  const placed: PlacedCampaignErrors = { fields: {}, templates: {}, form: [] }
  const known = new Set<string>(CAMPAIGN_FIELDS)
  const parts = message
    .replace(/^Invalid request:\s*/, "")
    .split(/;\s+/)
    .map((part) => part.trim())
    .filter(Boolean)
  for (const part of parts) {
    const quoted = /field '([^']+)'/i.exec(part)
    const path = quoted
      ? quoted[1].split(/,\s*/)
      : (/^([a-z_]+(?:\.[a-z_]+)?)(?::\s|\s)/.exec(part)?.[1].split(".") ?? [])
    const text = quoted ? humanize(part, valueAt(payload, path)) : part.replace(/^[a-z_.]+:\s+/, "")
    if (path[0] === "templates" && path.length > 1 && /^\d+$/.test(path[1])) {
      const language = payload.templates?.[Number(path[1])]?.language
      if (language) {
        const key = (TEMPLATE_PARTS as readonly string[]).includes(path[2] ?? "") ? (path[2] as TemplatePart) : "language"
        placed.templates[language] = { ...placed.templates[language], [key]: text }
        continue
      }
    }
    const field = path.slice(0, 2).join(".")
    const name = known.has(field) ? field : known.has(path[0] ?? "") ? path[0] : null
    if (name) {
      placed.fields[name as CampaignField] = text
    } else {
      placed.form.push(part)
    }
  }
  return placed
}
