/**
 * The secret that signs links in e-mails (reorder, tracking, unsubscribe). RETENTION_LINK_SECRET
 * when set, else the store's JWT secret; changing it invalidates links already sent.
 */
export function linkSecret(): string {
  return process.env.RETENTION_LINK_SECRET || process.env.JWT_SECRET || "supersecret"
}
