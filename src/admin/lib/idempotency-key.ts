/**
 * A fresh idempotency key for one submitted form: a retried or double-sent request then records
 * one ledger entry. `crypto.randomUUID` exists only in secure contexts (https, localhost).
 */
export function newIdempotencyKey(prefix: string): string {
  const random =
    typeof crypto !== "undefined" && typeof crypto.randomUUID === "function"
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`
  return `${prefix}-${random}`
}
