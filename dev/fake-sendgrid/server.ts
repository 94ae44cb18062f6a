/**
 * A local fake of SendGrid's v3 `POST /v3/mail/send`, for tests, benchmarks and the demo: no e-mail
 * leaves the machine. It checks requests against the rules of the real API (authorization, from,
 * personalizations ≤ 1000, recipients ≤ 1000 per personalization, content or template, subject,
 * custom_args as strings, send_at ≤ 72 h ahead), answers 202 with X-Message-Id like SendGrid, and
 * records what it accepted. Faults can be injected: a queue of statuses to answer next (429 with
 * X-RateLimit-Reset / Retry-After, 5xx) and a rate limit per second.
 *
 * Control endpoints (not SendGrid's): GET /__fake/messages, GET /__fake/stats, DELETE /__fake/messages,
 * POST /__fake/faults `{ statuses: [429, 500], reset_ms?: 1000 }`, POST /__fake/rate-limit `{ per_second }`.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { randomBytes, randomUUID } from "node:crypto"
import type { WebhookSigner } from "./webhook-signer"

export type FakeSendgridOptions = {
  port?: number
  /**
   * Like SendGrid, post signed events to this webhook after accepting a request: `processed` for
   * every personalization, then `delivered`. Each event carries the personalization's custom args.
   */
  webhook?: { url: string; signer: WebhookSigner; events?: ("processed" | "delivered")[] }
  /** The API key requests must carry (`Authorization: Bearer <key>`); any non-empty key when unset. */
  apiKey?: string
  /** "full" keeps every accepted message; "recipients" keeps only per-recipient counts (for millions). */
  record?: "full" | "recipients"
}

export type AcceptedMessage = {
  message_id: string
  to: string[]
  from: string
  subject: string | null
  text: string | null
  html: string | null
  headers: Record<string, string>
  custom_args: Record<string, string>
  categories: string[]
}

type Personalization = {
  to?: { email?: unknown; name?: unknown }[]
  cc?: unknown[]
  bcc?: unknown[]
  subject?: unknown
  headers?: Record<string, unknown>
  custom_args?: Record<string, unknown>
  substitutions?: Record<string, unknown>
  dynamic_template_data?: Record<string, unknown>
  send_at?: unknown
}

type MailSendBody = {
  personalizations?: Personalization[]
  from?: { email?: unknown; name?: unknown }
  subject?: unknown
  content?: { type?: unknown; value?: unknown }[]
  template_id?: unknown
  headers?: Record<string, unknown>
  custom_args?: Record<string, unknown>
  categories?: unknown[]
  send_at?: unknown
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The errors SendGrid would answer a mail/send body with: `[{ field, message }]`, empty when valid. */
export function validateMailSend(body: MailSendBody, now = Date.now()): { field: string | null; message: string }[] {
  const errors: { field: string | null; message: string }[] = []
  const err = (field: string | null, message: string) => errors.push({ field, message })
  if (!body || typeof body !== "object") {
    return [{ field: null, message: "Bad Request" }]
  }
  if (!body.from || typeof body.from.email !== "string" || !EMAIL.test(body.from.email)) {
    err("from.email", "The from email does not contain a valid address.")
  }
  const personalizations = body.personalizations
  if (!Array.isArray(personalizations) || !personalizations.length) {
    err("personalizations", "The personalizations field is required and must have at least one personalization.")
    return errors
  }
  if (personalizations.length > 1000) {
    err("personalizations", "The personalizations field must have no more than 1000 personalizations.")
  }
  const content = body.content ?? []
  if (!body.template_id) {
    if (!Array.isArray(content) || !content.length) {
      err("content", "Unless a valid template_id is provided, the content parameter is required.")
    }
    for (const [i, c] of content.entries()) {
      if (typeof c.type !== "string" || typeof c.value !== "string" || !c.value.length) {
        err(`content.${i}`, "Each content item must have a type and a non-empty value.")
      }
    }
    const types = content.map((c) => c.type)
    if (types.includes("text/plain") && types.includes("text/html") && types.indexOf("text/plain") > types.indexOf("text/html")) {
      err("content", "If present, text/plain content must be first, followed by any other content.")
    }
  }
  const checkArgs = (args: Record<string, unknown> | undefined, field: string) => {
    for (const [key, value] of Object.entries(args ?? {})) {
      if (typeof value !== "string") err(`${field}.${key}`, "Custom args must be strings.")
    }
  }
  checkArgs(body.custom_args, "custom_args")
  const checkSendAt = (value: unknown, field: string) => {
    if (value === undefined) return
    if (typeof value !== "number" || !Number.isInteger(value) || value * 1000 > now + 72 * 3600_000) {
      err(field, "send_at must be a unix timestamp no more than 72 hours in the future.")
    }
  }
  checkSendAt(body.send_at, "send_at")
  personalizations.forEach((p, i) => {
    const to = p.to ?? []
    if (!Array.isArray(to) || !to.length) {
      err(`personalizations.${i}.to`, "The to array is required for all personalization objects, and must have at least one email object with a valid email address.")
    }
    const recipients = to.length + (p.cc?.length ?? 0) + (p.bcc?.length ?? 0)
    if (recipients > 1000) {
      err(`personalizations.${i}`, "The total number of recipients must be no more than 1000.")
    }
    to.forEach((r, j) => {
      if (typeof r?.email !== "string" || !EMAIL.test(r.email)) err(`personalizations.${i}.to.${j}.email`, "Does not contain a valid address.")
    })
    if (!body.template_id && !body.subject && !p.subject) {
      err(`personalizations.${i}.subject`, "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.")
    }
    checkArgs(p.custom_args, `personalizations.${i}.custom_args`)
    checkSendAt(p.send_at, `personalizations.${i}.send_at`)
  })
  return errors
}

/** Replaces substitution keys (as sent, wrappers included: `{{first_name}}`) in a string, as SendGrid does. */
const substitute = (text: string | null, substitutions: Record<string, unknown> | undefined) =>
  text === null || !substitutions ? text : Object.entries(substitutions).reduce((t, [k, v]) => t.split(k).join(String(v)), text)

export type FakeSendgrid = {
  url: string
  port: number
  messages: AcceptedMessage[]
  /** Accepted deliveries per recipient key (custom_args.recipient_id, else the e-mail address). */
  deliveries: Map<string, number>
  stats: { requests: number; accepted: number; rejected: number; throttled: number; failed: number }
  /** Answer the next requests with these statuses, in order. */
  injectFaults(statuses: number[], resetMs?: number): void
  setRateLimit(perSecond: number | null): void
  reset(): void
  close(): Promise<void>
}

/** Posts signed events to a webhook, as SendGrid does; failures are counted, not thrown (SendGrid retries, the fake does not). */
async function postWebhook(url: string, signer: WebhookSigner, events: unknown[]) {
  const { body, headers } = signer.sign(events)
  await fetch(url, { method: "POST", body, headers }).catch(() => undefined)
}

/** Starts the fake on 127.0.0.1 (a free port unless `port` is given). */
export async function startFakeSendgrid(options: FakeSendgridOptions = {}): Promise<FakeSendgrid> {
  const record = options.record ?? "full"
  const messages: AcceptedMessage[] = []
  const deliveries = new Map<string, number>()
  const stats = { requests: 0, accepted: 0, rejected: 0, throttled: 0, failed: 0 }
  let faults: number[] = []
  let faultResetMs = 1000
  let rateLimit: number | null = null
  let windowStart = 0
  let windowCount = 0

  const send = (res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers })
    res.end(body === undefined ? "" : JSON.stringify(body))
  }
  const throttle = (res: ServerResponse, resetMs: number) => {
    stats.throttled++
    const reset = Math.ceil((Date.now() + resetMs) / 1000)
    send(res, 429, { errors: [{ field: null, message: "too many requests" }] }, {
      "x-ratelimit-limit": String(rateLimit ?? 600),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(reset),
      "retry-after": String(Math.max(1, Math.ceil(resetMs / 1000))),
    })
  }

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = []
      let size = 0
      req.on("data", (c: Buffer) => {
        size += c.length
        if (size > 30 * 1024 * 1024) reject(new Error("too large"))
        else chunks.push(c)
      })
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
      req.on("error", reject)
    })

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://fake")
      if (url.pathname === "/__fake/messages" && req.method === "GET") return send(res, 200, { messages })
      if (url.pathname === "/__fake/stats" && req.method === "GET") return send(res, 200, { ...stats, recipients: deliveries.size })
      if (url.pathname === "/__fake/messages" && req.method === "DELETE") {
        api.reset()
        return send(res, 204)
      }
      if (url.pathname === "/__fake/faults" && req.method === "POST") {
        const body = JSON.parse((await readBody(req)) || "{}")
        api.injectFaults(body.statuses ?? [], body.reset_ms)
        return send(res, 204)
      }
      if (url.pathname === "/__fake/rate-limit" && req.method === "POST") {
        const body = JSON.parse((await readBody(req)) || "{}")
        api.setRateLimit(body.per_second ?? null)
        return send(res, 204)
      }
      if (url.pathname !== "/v3/mail/send" || req.method !== "POST") {
        return send(res, 404, { errors: [{ field: null, message: "not found" }] })
      }
      stats.requests++
      const auth = req.headers.authorization ?? ""
      const key = auth.startsWith("Bearer ") ? auth.slice(7) : ""
      if (!key || (options.apiKey && key !== options.apiKey)) {
        stats.rejected++
        return send(res, 401, { errors: [{ field: null, message: "The provided authorization grant is invalid, expired, or revoked" }] })
      }
      const raw = await readBody(req)
      const fault = faults.shift()
      if (fault === 429) return throttle(res, faultResetMs)
      if (fault && fault >= 500) {
        stats.failed++
        return send(res, fault, { errors: [{ field: null, message: "Internal server error" }] })
      }
      if (rateLimit !== null) {
        const now = Date.now()
        if (now - windowStart >= 1000) {
          windowStart = now
          windowCount = 0
        }
        if (++windowCount > rateLimit) return throttle(res, 1000 - (now - windowStart))
      }
      let body: MailSendBody
      try {
        body = JSON.parse(raw)
      } catch {
        stats.rejected++
        return send(res, 400, { errors: [{ field: null, message: "Invalid JSON" }] })
      }
      const errors = validateMailSend(body)
      if (errors.length) {
        stats.rejected++
        return send(res, 400, { errors })
      }
      const messageId = randomBytes(11).toString("base64url")
      const html = body.content?.find((c) => c.type === "text/html")?.value as string | undefined
      const text = body.content?.find((c) => c.type === "text/plain")?.value as string | undefined
      for (const p of body.personalizations!) {
        const customArgs = { ...(body.custom_args ?? {}), ...(p.custom_args ?? {}) } as Record<string, string>
        const to = (p.to ?? []).map((r) => String(r.email))
        const recipientKey = customArgs.recipient_id ?? to.join(",")
        deliveries.set(recipientKey, (deliveries.get(recipientKey) ?? 0) + 1)
        if (record === "full") {
          messages.push({
            message_id: messageId,
            to,
            from: String(body.from!.email),
            subject: substitute(String(p.subject ?? body.subject ?? ""), p.substitutions) || null,
            text: substitute(text ?? null, p.substitutions),
            html: substitute(html ?? null, p.substitutions),
            headers: { ...(body.headers ?? {}), ...(p.headers ?? {}) } as Record<string, string>,
            custom_args: customArgs,
            categories: (body.categories ?? []).map(String),
          })
        }
      }
      stats.accepted += body.personalizations!.length
      send(res, 202, undefined, { "x-message-id": messageId })
      if (options.webhook) {
        const at = Math.floor(Date.now() / 1000)
        const events = body.personalizations!.flatMap((p) =>
          (options.webhook!.events ?? ["processed", "delivered"]).map((event) => ({
            email: String(p.to?.[0]?.email ?? ""),
            timestamp: at,
            event,
            sg_event_id: randomUUID(),
            sg_message_id: `${messageId}.filter0001`,
            ...(body.custom_args ?? {}),
            ...(p.custom_args ?? {}),
          }))
        )
        void postWebhook(options.webhook.url, options.webhook.signer, events)
      }
    } catch (e) {
      send(res, 500, { errors: [{ field: null, message: (e as Error).message }] })
    }
  })
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve))
  const port = (server.address() as AddressInfo).port
  const api: FakeSendgrid = {
    url: `http://127.0.0.1:${port}`,
    port,
    messages,
    deliveries,
    stats,
    injectFaults(statuses, resetMs = 1000) {
      faults = [...faults, ...statuses]
      faultResetMs = resetMs
    },
    setRateLimit(perSecond) {
      rateLimit = perSecond
    },
    reset() {
      messages.length = 0
      deliveries.clear()
      faults = []
      Object.assign(stats, { requests: 0, accepted: 0, rejected: 0, throttled: 0, failed: 0 })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  return api
}
