/** The ledger fields an admin sees for a customer's transactions. */
export const ADMIN_POINTS_TRANSACTION_FIELDS = [
  "id",
  "customer_id",
  "type",
  "points",
  "occurred_at",
  "reason",
  "actor_id",
  "order_id",
  "line_item_id",
  "lot_id",
  "idempotency_key",
  "metadata",
  "created_at",
]

export const listAdminPointsTransactionsQueryConfig = {
  defaults: ADMIN_POINTS_TRANSACTION_FIELDS,
  defaultLimit: 20,
  isList: true,
}

/** An open lot as the admin sees it: what is left of it and when it becomes usable / expires. */
export const ADMIN_POINTS_LOT_FIELDS = [
  "id",
  "points",
  "remaining",
  "earned_at",
  "available_at",
  "expires_at",
  "rate",
  "order_id",
] as const
