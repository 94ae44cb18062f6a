/**
 * BENCH-ONLY baselines: the same ledger operations as the loyalty-points service, hand-written
 * with pg on one connection (prepared statements, as few round trips as the operation allows, and
 * predicates that match the schema's partial indexes, `deleted_at IS NULL`). What the service
 * costs beyond these is its own overhead: the ORM context, extra round trips, and any query the
 * planner cannot serve from an index.
 */
import type { Client } from "@medusajs/framework/pg"
import { generateEntityId } from "@medusajs/framework/utils"
import type { BalanceMismatch, CreditEntry, PointsBalance } from "../../../src/modules/loyalty-points/types"
import { DAY, EXPIRY_DAYS, RETURN_WINDOW_DAYS } from "./ledger-plan"

type AccountLock = { id: string; customer_id: string; points_balance: number; points_debt: number; lifetime_earned: number }

const BALANCE_SQL = `
SELECT a.points_balance AS balance, a.points_debt AS debt, a.lifetime_earned,
       coalesce(s.available, 0)::int AS available, coalesce(s.pending, 0)::int AS pending, h.held,
       n.expires_at AS next_expires_at, n.points AS next_points
FROM loyalty_account a
LEFT JOIN LATERAL (
  SELECT sum(remaining) FILTER (WHERE available_at <= $2 AND (expires_at IS NULL OR expires_at > $2)) AS available,
         sum(remaining) FILTER (WHERE available_at > $2) AS pending
  FROM points_lot
  WHERE account_id = a.id AND remaining > 0 AND deleted_at IS NULL
) s ON true
LEFT JOIN LATERAL (
  SELECT expires_at, sum(remaining)::int AS points
  FROM points_lot
  WHERE account_id = a.id AND remaining > 0 AND expires_at > $2 AND deleted_at IS NULL
  GROUP BY expires_at ORDER BY expires_at LIMIT 1
) n ON true
LEFT JOIN LATERAL (
  SELECT coalesce(sum(points), 0)::int AS held
  FROM points_hold
  WHERE account_id = a.id AND status = 'held' AND deleted_at IS NULL
) h ON true
WHERE a.customer_id = $1 AND a.deleted_at IS NULL`

/** retrieveBalance's answer in one statement. */
export async function rawBalance(client: Client, customerId: string, now: Date): Promise<PointsBalance> {
  const { rows } = await client.query({ name: "bench_balance", text: BALANCE_SQL, values: [customerId, now] })
  const row = rows[0]
  if (!row) {
    return { customer_id: customerId, balance: 0, available: 0, pending: 0, held: 0, debt: 0, lifetime_earned: 0, next_expiry: null }
  }
  return {
    customer_id: customerId,
    balance: row.balance,
    available: Math.max(0, row.available - row.debt - row.held),
    pending: row.pending,
    held: row.held,
    debt: row.debt,
    lifetime_earned: row.lifetime_earned,
    next_expiry: row.next_expires_at ? { points: row.next_points, expires_at: new Date(row.next_expires_at) } : null,
  }
}

const LOCK_SQL = `SELECT id, customer_id, points_balance, points_debt, lifetime_earned
FROM loyalty_account WHERE customer_id = $1 AND deleted_at IS NULL FOR UPDATE`

async function inTransaction<T>(client: Client, fn: () => Promise<T>): Promise<T> {
  await client.query("BEGIN")
  try {
    const result = await fn()
    await client.query("COMMIT")
    return result
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined)
    throw e
  }
}

async function lock(client: Client, customerId: string): Promise<AccountLock> {
  const { rows } = await client.query<AccountLock>({ name: "bench_lock", text: LOCK_SQL, values: [customerId] })
  if (!rows[0]) {
    throw new Error(`no loyalty account for ${customerId}`)
  }
  return rows[0]
}

/**
 * creditPoints({ type: "earn" }) for fresh idempotency keys: BEGIN, lock the account, one
 * statement inserting the transactions, their lots (and debt settlements) and updating the
 * account, COMMIT. Returns the transaction ids.
 */
export async function rawEarn(client: Client, input: { customer_id: string; entries: CreditEntry[]; occurred_at?: Date }): Promise<string[]> {
  return inTransaction(client, async () => {
    const account = await lock(client, input.customer_id)
    const occurredAt = input.occurred_at ?? new Date()
    const availableAt = new Date(occurredAt.getTime() + RETURN_WINDOW_DAYS * DAY)
    const expiresAt = new Date(availableAt.getTime() + EXPIRY_DAYS * DAY)
    let debt = account.points_debt
    let credited = 0
    const tx: unknown[][] = []
    const lots: unknown[][] = []
    const settlements: unknown[][] = []
    for (const e of input.entries) {
      const txId = generateEntityId(undefined, "lptx")
      const lotId = generateEntityId(undefined, "lplot")
      const settle = Math.min(debt, e.points)
      debt -= settle
      credited += e.points
      tx.push([txId, account.id, account.customer_id, "earn", e.points, e.idempotency_key, occurredAt, e.order_id ?? null, e.line_item_id ?? null, lotId])
      lots.push([
        lotId, account.id, txId, e.points, e.points - settle, occurredAt, availableAt, expiresAt,
        e.rate ?? null, e.rate == null ? null : JSON.stringify({ value: String(e.rate), precision: 20 }),
        e.base_amount ?? null, e.base_amount == null ? null : JSON.stringify({ value: String(e.base_amount), precision: 20 }),
        e.currency_code ?? null, e.order_id ?? null, e.line_item_id ?? null, e.quantity ?? null,
      ])
      if (settle > 0) {
        settlements.push([generateEntityId(undefined, "lpal"), txId, lotId, "debt", settle])
      }
    }
    const values: unknown[] = [account.id, account.points_balance + credited, debt, account.lifetime_earned + credited]
    const placeholders = (rows: unknown[][]) =>
      rows.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(", ")})`).join(", ")
    const txValues = placeholders(tx)
    const lotValues = placeholders(lots)
    const settleValues = settlements.length ? placeholders(settlements) : ""
    const text = `
WITH tx AS (
  INSERT INTO points_transaction (id, account_id, customer_id, type, points, idempotency_key, occurred_at, order_id, line_item_id, lot_id)
  VALUES ${txValues}
), lot AS (
  INSERT INTO points_lot (id, account_id, transaction_id, points, remaining, earned_at, available_at, expires_at, rate, raw_rate, base_amount, raw_base_amount, currency_code, order_id, line_item_id, quantity)
  VALUES ${lotValues}
)${settleValues ? `, settle AS (INSERT INTO points_allocation (id, transaction_id, lot_id, kind, points) VALUES ${settleValues})` : ""}
UPDATE loyalty_account SET points_balance = $2, points_debt = $3, lifetime_earned = $4, updated_at = now() WHERE id = $1`
    await client.query({ name: `bench_earn_${tx.length}_${settlements.length}`, text, values })
    return tx.map((row) => row[0] as string)
  })
}

const AVAILABLE_LOTS_SQL = `SELECT id, remaining,
  (SELECT coalesce(sum(points), 0) FROM points_hold h WHERE h.account_id = $1 AND h.status = 'held' AND h.deleted_at IS NULL)::int AS held
FROM points_lot
WHERE account_id = $1 AND remaining > 0 AND available_at <= $2 AND (expires_at IS NULL OR expires_at > $2) AND deleted_at IS NULL
ORDER BY expires_at ASC NULLS LAST, earned_at ASC, id ASC`

const DEBIT_SQL = `
WITH tx AS (
  INSERT INTO points_transaction (id, account_id, customer_id, type, points, idempotency_key, occurred_at)
  VALUES ($1, $2, $3, 'redeem', $4, $5, $6)
), lots AS (
  UPDATE points_lot l SET remaining = l.remaining - v.points
  FROM unnest($7::text[], $8::int[]) AS v(id, points) WHERE l.id = v.id
), allocations AS (
  INSERT INTO points_allocation (id, transaction_id, lot_id, kind, points)
  SELECT a.id, $1, a.lot_id, 'consume', a.points FROM unnest($9::text[], $7::text[], $8::int[]) AS a(id, lot_id, points)
)
UPDATE loyalty_account SET points_balance = points_balance + $4, updated_at = now() WHERE id = $2`

/**
 * debitPoints({ type: "redeem" }) for a fresh idempotency key: BEGIN, lock, available lots
 * first-expiring first, one statement for the transaction, lots, allocations and balance, COMMIT.
 */
export async function rawRedeem(client: Client, input: { customer_id: string; points: number; idempotency_key: string }): Promise<string> {
  return inTransaction(client, async () => {
    const account = await lock(client, input.customer_id)
    const now = new Date()
    const { rows: lots } = await client.query<{ id: string; remaining: number; held: number }>({
      name: "bench_available_lots",
      text: AVAILABLE_LOTS_SQL,
      values: [account.id, now],
    })
    const available = lots.reduce((s, l) => s + l.remaining, 0) - account.points_debt - (lots[0]?.held ?? 0)
    if (input.points > available) {
      throw new Error(`points: ${input.points} requested but only ${Math.max(0, available)} available`)
    }
    const lotIds: string[] = []
    const takes: number[] = []
    let left = input.points
    for (const lot of lots) {
      if (left <= 0) break
      const take = Math.min(lot.remaining, left)
      lotIds.push(lot.id)
      takes.push(take)
      left -= take
    }
    const txId = generateEntityId(undefined, "lptx")
    await client.query({
      name: "bench_debit",
      text: DEBIT_SQL,
      values: [txId, account.id, account.customer_id, -input.points, input.idempotency_key, now, lotIds, takes, lotIds.map(() => generateEntityId(undefined, "lpal"))],
    })
    return txId
  })
}

const VERIFY_SQL = `
SELECT a.id AS account_id, a.customer_id, a.points_balance AS cached_balance,
       coalesce((SELECT sum(points) FROM points_transaction t WHERE t.account_id = a.id AND t.deleted_at IS NULL), 0)::int AS ledger_sum,
       (coalesce((SELECT sum(remaining) FROM points_lot l WHERE l.account_id = a.id AND l.deleted_at IS NULL), 0) - a.points_debt)::int AS lots_minus_debt
FROM loyalty_account a
WHERE a.customer_id = ANY($1) AND a.deleted_at IS NULL`

/** verifyBalances({ customer_ids }) in one statement. */
export async function rawVerify(client: Client, customerIds: string[]): Promise<BalanceMismatch[]> {
  const { rows } = await client.query<BalanceMismatch>({ name: "bench_verify", text: VERIFY_SQL, values: [customerIds] })
  return rows.filter((r) => r.cached_balance !== r.ledger_sum || r.cached_balance !== r.lots_minus_debt)
}

/** Available points (minus debt and holds) of each customer, for picking redemption candidates. */
export async function availablePoints(client: Client, customerIds: string[], now: Date): Promise<Map<string, number>> {
  const { rows } = await client.query<{ customer_id: string; available: number }>(
    `SELECT a.customer_id,
            (coalesce((SELECT sum(remaining) FROM points_lot l
                       WHERE l.account_id = a.id AND l.remaining > 0 AND l.available_at <= $2
                         AND (l.expires_at IS NULL OR l.expires_at > $2) AND l.deleted_at IS NULL), 0)
             - coalesce((SELECT sum(points) FROM points_hold h WHERE h.account_id = a.id AND h.status = 'held' AND h.deleted_at IS NULL), 0)
             - a.points_debt)::int AS available
     FROM loyalty_account a WHERE a.customer_id = ANY($1) AND a.deleted_at IS NULL`,
    [customerIds, now]
  )
  return new Map(rows.map((r) => [r.customer_id, r.available]))
}
