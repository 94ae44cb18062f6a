/** What a customer sees of their own ledger: no admin ids, keys or internal metadata. */
export const STORE_POINTS_TRANSACTION_FIELDS = ["id", "type", "points", "occurred_at", "reason", "order_id"]

export const listStorePointsTransactionsQueryConfig = {
  defaults: STORE_POINTS_TRANSACTION_FIELDS,
  defaultLimit: 20,
  isList: true,
}
