/**
 * Signs SendGrid event webhook requests the way SendGrid does (ECDSA over timestamp + body), for
 * the fake and the tests. The public key, base64 DER, is what a store configures as
 * SENDGRID_WEBHOOK_PUBLIC_KEY.
 */
// starkbank-ecdsa (what @sendgrid/eventwebhook verifies with) ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PrivateKey, Ecdsa } = require("starkbank-ecdsa") as {
  PrivateKey: new () => { publicKey(): { toPem(): string } }
  Ecdsa: { sign(message: string, key: unknown): { toBase64(): string } }
}

export type WebhookSigner = {
  publicKey: string
  /** Headers and body of a signed event webhook request. */
  sign(events: unknown[], timestamp?: number): { body: string; headers: Record<string, string> }
}

export function createWebhookSigner(): WebhookSigner {
  const key = new PrivateKey()
  const publicKey = key.publicKey().toPem().replace(/-----[^-]+-----/g, "").replace(/\s+/g, "")
  return {
    publicKey,
    sign(events, timestamp = Math.floor(Date.now() / 1000)) {
      const body = JSON.stringify(events)
      const signature = Ecdsa.sign(`${timestamp}${body}`, key).toBase64()
      return {
        body,
        headers: {
          "content-type": "application/json",
          "x-twilio-email-event-webhook-signature": signature,
          "x-twilio-email-event-webhook-timestamp": String(timestamp),
        },
      }
    },
  }
}
