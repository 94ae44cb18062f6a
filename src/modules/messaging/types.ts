export type FrequencyCap = { maxMessages: number; perDays: number }

export type MessagingOptions = {
  /** At most this many marketing messages per customer in a rolling window; null: no cap. */
  frequencyCap?: FrequencyCap | null
}

export type ReserveMessageInput = {
  customer_id: string
  kind: "reminder" | "campaign" | "automation"
  source_id: string
  idempotency_key: string
  to?: string | null
  template?: string | null
  now?: Date
}

/** What a reservation decided: send it (reserved now or earlier and not yet sent), or not. */
export type ReservedMessage = {
  id: string
  status: "reserved" | "sent" | "failed" | "suppressed"
  reason: string | null
  /** False when the key was reserved by an earlier run (a retry). */
  created: boolean
}
