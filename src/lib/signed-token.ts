import { createHmac, timingSafeEqual } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * Compact signed tokens for links in e-mails (one-click reorder, tracking, unsubscribe): the
 * payload as base64url JSON and an HMAC-SHA256 over it with a purpose, so a token minted for one
 * purpose is refused by another. Expired, tampered or foreign tokens throw INVALID_DATA (400).
 */
export type TokenPayload = Record<string, unknown> & { exp: number }

const b64 = (buffer: Buffer) => buffer.toString("base64url")

function signature(secret: string, purpose: string, body: string): Buffer {
  return createHmac("sha256", secret).update(`${purpose}.${body}`).digest()
}

/** Signs a payload for `purpose`, valid until `expiresAt`. */
export function signToken(secret: string, purpose: string, payload: Record<string, unknown>, expiresAt: Date): string {
  const body = b64(Buffer.from(JSON.stringify({ ...payload, exp: Math.floor(expiresAt.getTime() / 1000) })))
  return `${body}.${b64(signature(secret, purpose, body))}`
}

/** Verifies a token for `purpose` and returns its payload; throws INVALID_DATA when it is not genuine or has expired. */
export function verifyToken(secret: string, purpose: string, token: string, now: Date = new Date()): TokenPayload {
  const invalid = (why: string) => new MedusaError(MedusaError.Types.INVALID_DATA, `token: ${why}`)
  const [body, mac, extra] = String(token ?? "").split(".")
  if (!body || !mac || extra !== undefined) {
    throw invalid("malformed")
  }
  const expected = signature(secret, purpose, body)
  const given = Buffer.from(mac, "base64url")
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw invalid("signature does not match")
  }
  let payload: TokenPayload
  try {
    payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"))
  } catch {
    throw invalid("malformed")
  }
  if (typeof payload.exp !== "number" || payload.exp * 1000 < now.getTime()) {
    throw invalid("expired")
  }
  return payload
}
