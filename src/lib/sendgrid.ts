import { Client } from "@sendgrid/client"
import { MailService } from "@sendgrid/mail"

/**
 * The plugin's bulk mailer: @sendgrid/mail pointed at SendGrid, or at the local fake in tests and
 * the demo (`baseUrl`). One request carries up to 1000 personalizations.
 */
export function createSendgridMailer(input: { apiKey: string; baseUrl?: string | null; timeoutMs?: number }): MailService {
  const client = new Client()
  client.setApiKey(input.apiKey)
  if (input.baseUrl) {
    client.setDefaultRequest("baseUrl", input.baseUrl)
  }
  const mail = new MailService()
  mail.setClient(client)
  mail.setTimeout(input.timeoutMs ?? 30_000)
  return mail
}

/** How a failed send must be handled. */
export type SendFailure =
  | { kind: "throttled"; waitMs: number }
  | { kind: "retry"; reason: string }
  | { kind: "rejected"; reason: string }
  /** The request may have reached SendGrid (connection lost after sending): resending could send twice. */
  | { kind: "unknown"; reason: string }

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ERR_INVALID_URL"])

/** Classifies an error of `mail.send`: 429 waits for X-RateLimit-Reset / Retry-After, 5xx retries, other 4xx fail. */
export function classifySendError(error: unknown, now: number = Date.now()): SendFailure {
  const e = error as { code?: number | string; response?: { headers?: Record<string, string>; body?: { errors?: { message?: string; field?: string | null }[] } }; message?: string }
  const status = typeof e.code === "number" ? e.code : undefined
  const reason = e.response?.body?.errors?.map((x) => (x.field ? `${x.field}: ${x.message}` : x.message)).join("; ") || e.message || "unknown error"
  if (status === 429) {
    const headers = e.response?.headers ?? {}
    const reset = Number(headers["x-ratelimit-reset"])
    const retryAfter = Number(headers["retry-after"])
    const waitMs = Number.isFinite(reset) && reset > 0 ? reset * 1000 - now : Number.isFinite(retryAfter) ? retryAfter * 1000 : 1000
    return { kind: "throttled", waitMs: Math.min(Math.max(waitMs, 250), 60_000) }
  }
  if (status !== undefined && status >= 500) return { kind: "retry", reason }
  if (status !== undefined && status >= 400) return { kind: "rejected", reason }
  if (typeof e.code === "string" && NOT_SENT_CODES.has(e.code)) return { kind: "retry", reason }
  return { kind: "unknown", reason }
}
