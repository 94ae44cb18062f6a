import type { Context } from "@medusajs/framework/types"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MathBN,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { randomBytes } from "node:crypto"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import {
  EarnRule,
  LoyaltyAccount,
  LoyaltyTier,
  PointsAllocation,
  PointsHold,
  PointsLot,
  PointsTransaction,
  PurchaseCountEntry,
  PurchaseCounter,
  PurchaseReward,
  PurchaseRewardRule,
  Referral,
  ReferralCode,
} from "./models"
import type {
  BalanceMismatch,
  GiftShipmentStatus,
  CountPurchasesInput,
  CreditPointsInput,
  DebitPointsInput,
  HoldPointsInput,
  IssuedPurchaseReward,
  LoyaltyOptions,
  PointsReport,
  PointsBalance,
  ResolvedLoyaltyOptions,
  ReverseEarnedInput,
  ReverseOrderPointsInput,
  TierChange,
} from "./types"
import { allocateFifo } from "./utils/fifo"
import { resolveLoyaltyOptions } from "./utils/options"
import { planOrderReversal, type OrderEarnLot } from "./utils/order-reversal-plan"
import { pointsToReverse } from "./utils/proportional-reversal"

const DAY = 86_400_000

type AccountRow = {
  id: string
  customer_id: string
  points_balance: number
  points_debt: number
  lifetime_earned: number
  negative_policy: "allow_negative" | "clawback" | null
}
type LotRow = {
  id: string
  points: number
  remaining: number
  base_amount: string | null
  available_at: Date
  expires_at: Date | null
  account_id: string
}
export type PointsHoldRow = {
  id: string
  account_id: string
  customer_id: string
  cart_id: string
  points: number
  amount: string
  currency_code: string
  promotion_id: string | null
  promotion_code: string | null
  status: "held" | "consumed" | "released"
}
type BalanceRow = {
  points_balance: number
  points_debt: number
  lifetime_earned: number
  available: number
  pending: number
  held: number
  next_expires_at: Date | null
  next_points: number
}

// Every lateral subquery filters on account_id and deleted_at is null, so each is served by a
// partial index (points_lot account_id+expires_at, points_hold account_id+status).
const BALANCE_SQL = `
select a.points_balance, a.points_debt, a.lifetime_earned,
       coalesce(l.available, 0)::int as available, coalesce(l.pending, 0)::int as pending,
       coalesce(h.held, 0)::int as held, n.expires_at as next_expires_at, coalesce(n.points, 0)::int as next_points
from loyalty_account a
left join lateral (
  select sum(remaining) filter (where available_at <= :now and (expires_at is null or expires_at > :now)) as available,
         sum(remaining) filter (where available_at > :now) as pending
  from points_lot
  where account_id = a.id and deleted_at is null and remaining > 0
) l on true
left join lateral (
  select expires_at, sum(remaining) as points
  from points_lot
  where account_id = a.id and deleted_at is null and remaining > 0 and expires_at > :now
  group by expires_at
  order by expires_at
  limit 1
) n on true
left join lateral (
  select sum(points) as held from points_hold where account_id = a.id and status = 'held' and deleted_at is null
) h on true
where a.customer_id = :customer_id and a.deleted_at is null`

export type ReferralParties = { id: string; referrer_customer_id: string; referee_customer_id: string }

export type GiftShipmentBefore = {
  id: string
  status: GiftShipmentStatus
  fulfilled_at: Date | null
  fulfilled_by: string | null
  note: string | null
}

type TxRow = { id: string; type: string; points: number; idempotency_key: string; metadata: Record<string, unknown> | null }

/**
 * The points ledger. Every change runs in one database transaction holding the account's row lock,
 * so a redemption, an expiry run and a reversal on the same account serialize and never lose or
 * create points; every ledger entry carries a unique idempotency key, so a replayed event is a no-op.
 */
class LoyaltyPointsModuleService extends MedusaService({
  EarnRule,
  LoyaltyAccount,
  LoyaltyTier,
  PointsTransaction,
  PointsLot,
  PointsAllocation,
  PointsHold,
  PurchaseRewardRule,
  PurchaseCountEntry,
  PurchaseCounter,
  PurchaseReward,
  ReferralCode,
  Referral,
}) {
  protected readonly loyaltyOptions_: ResolvedLoyaltyOptions

  constructor(container: Record<string, unknown>, options?: { loyalty?: LoyaltyOptions }) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    this.loyaltyOptions_ = resolveLoyaltyOptions(options)
  }

  /** The options in force (defaults filled in). */
  getLoyaltyOptions(): ResolvedLoyaltyOptions {
    return this.loyaltyOptions_
  }

  /**
   * Credits points as lots (one lot per entry): order points (pending for the return window),
   * adjustments, referrals and rewards. Entries whose key was already recorded are skipped.
   * Returns the ids of the transactions recorded by this call.
   */
  @InjectTransactionManager()
  async creditPoints(input: CreditPointsInput, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    const [credited] = await this.credit_(this.transaction_(sharedContext), [input])
    return credited.transaction_ids
  }

  /**
   * `creditPoints` for many customers at once (the backfill's page of orders): the same rules
   * (keys recorded once, debt settled from the new lots first), in one transaction that locks the
   * accounts in id order and writes each table with one statement. Returns, per input, the ids of
   * the transactions recorded.
   */
  @InjectTransactionManager()
  async creditPointsInBulk(
    inputs: CreditPointsInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; transaction_ids: string[] }[]> {
    return this.credit_(this.transaction_(sharedContext), inputs)
  }

  private async credit_(knex: Knex, inputs: CreditPointsInput[]): Promise<{ customer_id: string; transaction_ids: string[] }[]> {
    for (const entry of inputs.flatMap((i) => i.entries)) {
      if (!Number.isInteger(entry.points) || entry.points < 0) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `points must be a positive whole number; got ${entry.points}`)
      }
    }
    if (!inputs.length) {
      return []
    }
    const accounts = await this.lockAccounts_(knex, inputs.map((i) => i.customer_id))
    const existing = await this.existingKeys_(knex, inputs.flatMap((i) => i.entries.map((e) => e.idempotency_key)))
    const transactions: Record<string, unknown>[] = []
    const lots: Record<string, unknown>[] = []
    const debtSettlements: { id: string; transaction_id: string; lot_id: string; kind: "debt"; points: number }[] = []
    const changed = new Set<AccountRow>()
    const results = inputs.map((input) => {
      const account = accounts.get(input.customer_id)!
      const transactionIds: string[] = []
      for (const entry of input.entries) {
        if (existing.has(entry.idempotency_key) || entry.points === 0) {
          continue
        }
        existing.add(entry.idempotency_key)
        const occurredAt = entry.occurred_at ?? input.occurred_at ?? new Date()
        const txId = generateEntityId(undefined, "lptx")
        const lotId = generateEntityId(undefined, "lplot")
        const availableAt =
          entry.available_at ??
          (input.type === "earn" || input.type === "referral"
            ? new Date(occurredAt.getTime() + this.loyaltyOptions_.returnWindowDays * DAY)
            : occurredAt)
        const expiresAt =
          entry.expires_at !== undefined
            ? entry.expires_at
            : this.loyaltyOptions_.expiryDays === null
              ? null
              : new Date(availableAt.getTime() + this.loyaltyOptions_.expiryDays * DAY)
        transactions.push({
          id: txId,
          account_id: account.id,
          customer_id: account.customer_id,
          type: input.type,
          points: entry.points,
          idempotency_key: entry.idempotency_key,
          occurred_at: occurredAt,
          order_id: entry.order_id ?? null,
          line_item_id: entry.line_item_id ?? null,
          lot_id: lotId,
          reason: entry.reason ?? null,
          actor_id: entry.actor_id ?? null,
          metadata: entry.metadata ? JSON.stringify(entry.metadata) : null,
        })
        // Points owed from earlier reversals are settled from the new lot first.
        const settle = Math.min(account.points_debt, entry.points)
        lots.push({
          id: lotId,
          account_id: account.id,
          transaction_id: txId,
          points: entry.points,
          remaining: entry.points - settle,
          earned_at: occurredAt,
          available_at: availableAt,
          expires_at: expiresAt,
          rate: entry.rate ?? null,
          raw_rate: entry.rate == null ? null : JSON.stringify({ value: String(entry.rate), precision: 20 }),
          base_amount: entry.base_amount ?? null,
          raw_base_amount: entry.base_amount == null ? null : JSON.stringify({ value: String(entry.base_amount), precision: 20 }),
          currency_code: entry.currency_code ?? null,
          order_id: entry.order_id ?? null,
          line_item_id: entry.line_item_id ?? null,
          quantity: entry.quantity ?? null,
        })
        if (settle > 0) {
          debtSettlements.push({ id: generateEntityId(undefined, "lpal"), transaction_id: txId, lot_id: lotId, kind: "debt", points: settle })
        }
        account.points_debt -= settle
        account.points_balance += entry.points
        if (input.type !== "adjust") {
          account.lifetime_earned += entry.points
        }
        changed.add(account)
        transactionIds.push(txId)
      }
      return { customer_id: input.customer_id, transaction_ids: transactionIds }
    })
    if (!transactions.length) {
      return results
    }
    await this.insertChunked_(knex, "points_transaction", transactions)
    await this.insertChunked_(knex, "points_lot", lots)
    await this.insertChunked_(knex, "points_allocation", debtSettlements)
    const rows = [...changed]
    await knex.raw(
      `update loyalty_account a
       set points_balance = v.balance, points_debt = v.debt, lifetime_earned = v.lifetime, updated_at = now()
       from (select unnest(?::text[]) as id, unnest(?::int[]) as balance, unnest(?::int[]) as debt, unnest(?::int[]) as lifetime) v
       where a.id = v.id`,
      [rows.map((a) => a.id), rows.map((a) => a.points_balance), rows.map((a) => a.points_debt), rows.map((a) => a.lifetime_earned)]
    )
    return results
  }

  /** Multi-row inserts, in chunks that stay below PostgreSQL's 65,535 bind parameters a statement. */
  private async insertChunked_(knex: Knex, table: string, rows: Record<string, unknown>[]) {
    const size = 2000
    for (let i = 0; i < rows.length; i += size) {
      await knex(table).insert(rows.slice(i, i + size))
    }
  }

  /**
   * Takes points from the available lots, first-expiring first: a redemption, or a negative
   * adjustment. Refuses more than the available balance. Returns the transaction id (the existing
   * one when the key was already recorded).
   */
  @InjectTransactionManager()
  async debitPoints(input: DebitPointsInput, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    if (!Number.isInteger(input.points) || input.points <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `points must be a positive whole number; got ${input.points}`)
    }
    const knex = this.transaction_(sharedContext)
    const account = await this.lockAccount_(knex, input.customer_id)
    const [done] = await knex<TxRow>("points_transaction").where({ idempotency_key: input.idempotency_key }).whereNull("deleted_at").select("id")
    if (done) {
      return done.id
    }
    const now = input.occurred_at ?? new Date()
    const lots = await this.availableLots_(knex, account.id, now)
    const available = lots.reduce((s, l) => s + l.remaining, 0) - account.points_debt - (await this.heldPoints_(knex, account.id))
    if (input.points > available) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `points: ${input.points} requested but only ${Math.max(0, available)} available`
      )
    }
    const { allocations } = allocateFifo(lots, input.points)
    const txId = await this.insertTransaction_(knex, account, {
      type: input.type,
      points: -input.points,
      idempotency_key: input.idempotency_key,
      occurred_at: now,
      order_id: input.order_id ?? null,
      reason: input.reason ?? null,
      actor_id: input.actor_id ?? null,
      metadata: input.metadata ?? null,
    })
    await this.consume_(knex, txId, allocations)
    await this.addToBalance_(knex, account, -input.points, account.points_debt)
    return txId
  }

  /**
   * Gives a redemption's points back to the lots it took them from (order canceled, cart
   * abandoned). Idempotent by `idempotency_key`. Returns the restoring transaction (`recorded`:
   * by this call, not an earlier one) and its customer, or null when there was nothing to restore.
   */
  @InjectTransactionManager()
  async restoreDebit(
    input: { debit_idempotency_key: string; idempotency_key: string; occurred_at?: Date; reason?: string | null },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transaction_id: string; customer_id: string; recorded: boolean } | null> {
    const knex = this.transaction_(sharedContext)
    const [debit] = await knex("points_transaction")
      .where({ idempotency_key: input.debit_idempotency_key })
      .whereNull("deleted_at")
      .select("id", "customer_id", "points", "order_id")
    if (!debit) {
      return null
    }
    const account = await this.lockAccount_(knex, debit.customer_id)
    const [done] = await knex("points_transaction").where({ idempotency_key: input.idempotency_key }).whereNull("deleted_at").select("id")
    if (done) {
      return { transaction_id: done.id, customer_id: debit.customer_id, recorded: false }
    }
    const taken: { lot_id: string; points: number }[] = await knex("points_allocation")
      .where({ transaction_id: debit.id, kind: "consume" })
      .select("lot_id", "points")
    const points = taken.reduce((s, a) => s + a.points, 0)
    if (!points) {
      return null
    }
    const txId = await this.insertTransaction_(knex, account, {
      type: "reverse",
      points,
      idempotency_key: input.idempotency_key,
      occurred_at: input.occurred_at ?? new Date(),
      order_id: debit.order_id,
      reason: input.reason ?? "redemption returned",
      metadata: { restores: debit.id },
    })
    for (const a of taken) {
      await knex("points_lot").where({ id: a.lot_id }).increment("remaining", a.points)
    }
    await this.insertAllocations_(knex, txId, taken, "restore")
    await this.addToBalance_(knex, account, points, account.points_debt)
    return { transaction_id: txId, customer_id: debit.customer_id, recorded: true }
  }

  /**
   * Reverses earned points for a refund, return or cancellation: per lot, in proportion to the
   * refunded amount, at the rate snapshotted on the lot. What was already spent is taken from the
   * customer's other lots, then becomes debt (allow_negative) or is written off and recorded
   * (clawback). Each (source, lot) is applied once. Returns the points reversed.
   */
  @InjectTransactionManager()
  async reverseEarnedPoints(input: ReverseEarnedInput, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const knex = this.transaction_(sharedContext)
    if (!input.reversals.length) {
      return 0
    }
    const lots: (LotRow & { customer_id: string; transaction_id: string; order_id: string | null; line_item_id: string | null })[] =
      await knex("points_lot as l")
        .join("loyalty_account as a", "a.id", "l.account_id")
        .whereIn(
          "l.id",
          input.reversals.map((r) => r.lot_id)
        )
        .select("l.*", "a.customer_id")
    const customers = [...new Set(lots.map((l) => l.customer_id))]
    let total = 0
    for (const customerId of customers.sort()) {
      const account = await this.lockAccount_(knex, customerId)
      let debt = account.points_debt
      let delta = 0
      for (const reversal of input.reversals) {
        const lot = lots.find((l) => l.id === reversal.lot_id && l.customer_id === customerId)
        if (!lot) {
          continue
        }
        const key = `reverse:${input.source_key}:${lot.id}`
        const [done] = await knex("points_transaction").where({ idempotency_key: key }).whereNull("deleted_at").select("id")
        if (done) {
          continue
        }
        const previous: TxRow[] = await knex("points_transaction")
          .where({ lot_id: lot.id, type: "reverse" })
          .whereNull("deleted_at")
          .select("points", "metadata")
        const alreadyReversed = previous.reduce((s, t) => s + Number((t.metadata as any)?.reversed_points ?? 0), 0)
        const refundedSoFar = previous.reduce((s, t) => s + Number((t.metadata as any)?.refunded_amount ?? 0), 0)
        const points = pointsToReverse(lot, alreadyReversed, refundedSoFar, reversal.refunded_amount)
        if (points <= 0) {
          continue
        }
        const taken = await this.reverseFromLot_(knex, account, lot, points, {
          idempotency_key: key,
          occurred_at: input.occurred_at ?? new Date(),
          reason: input.reason ?? null,
          metadata: { refunded_amount: String(reversal.refunded_amount) },
        })
        debt += taken.debt
        delta -= taken.collected
        total += taken.collected
      }
      if (delta || debt !== account.points_debt) {
        await this.addToBalance_(knex, account, delta, debt)
      }
    }
    return total
  }

  /**
   * Brings an order's reversed points up to what its state calls for (see `planOrderReversal`):
   * all of them once canceled, else the larger of the returned and the refunded share, at the rates
   * snapshotted on its earn lots. Reads the lots and what was already reversed under the account's
   * row lock, so causes processed at once, in any order or twice, never reverse more than the
   * target. Each (cause, lot) is one ledger entry at most. Returns the customer and the points
   * taken off the balance (uncollected ones not counted).
   */
  @InjectTransactionManager()
  async reverseOrderPoints(
    input: ReverseOrderPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string | null; points: number }> {
    const knex = this.transaction_(sharedContext)
    const [owner]: { customer_id: string }[] = await knex("points_lot as l")
      .join("points_transaction as t", "t.id", "l.transaction_id")
      .where({ "l.order_id": input.order_id, "t.type": "earn" })
      .whereNull("l.deleted_at")
      .limit(1)
      .select("t.customer_id")
    if (!owner) {
      return { customer_id: null, points: 0 }
    }
    const account = await this.lockAccount_(knex, owner.customer_id)
    const keyOf = (lotId: string) => `reverse:${input.source_key}:${lotId}`
    const rows: (OrderEarnLot & { order_id: string | null })[] = await knex("points_lot as l")
      .join("points_transaction as t", "t.id", "l.transaction_id")
      .where({ "l.order_id": input.order_id, "t.type": "earn", "l.account_id": account.id })
      .whereNull("l.deleted_at")
      .orderBy("l.id")
      .select(
        "l.id",
        "l.points",
        "l.base_amount",
        "l.line_item_id",
        "l.quantity",
        "l.order_id",
        knex.raw("t.metadata->>'value' as value"),
        knex.raw(
          `(select coalesce(sum((r.metadata->>'reversed_points')::int), 0)::int from points_transaction r
            where r.lot_id = l.id and r.type = 'reverse' and r.deleted_at is null) as reversed`
        )
      )
    const done = await this.existingKeys_(knex, rows.map((l) => keyOf(l.id)))
    const lots = rows.map((l) => ({ ...l, blocked: done.has(keyOf(l.id)) }))
    const plan = planOrderReversal(lots, input)
    let debt = account.points_debt
    let collected = 0
    for (const step of plan) {
      const lot = lots.find((l) => l.id === step.lot_id)!
      const taken = await this.reverseFromLot_(knex, account, lot, step.points, {
        idempotency_key: keyOf(lot.id),
        occurred_at: input.occurred_at ?? new Date(),
        reason: input.reason ?? null,
        metadata: {
          cause: input.source_key.split(":")[0],
          canceled: input.canceled,
          refunded_total: String(input.refunded_total),
          returned_quantity: lot.line_item_id ? (input.returned_quantities[lot.line_item_id] ?? 0) : 0,
        },
      })
      debt += taken.debt
      collected += taken.collected
    }
    if (collected || debt !== account.points_debt) {
      await this.addToBalance_(knex, account, -collected, debt)
    }
    return { customer_id: account.customer_id, points: collected }
  }

  /**
   * Takes `points` back for one lot: from the lot itself first, then from the customer's other
   * lots (pending ones too), first-expiring first; what is still missing becomes debt
   * (allow_negative) or is written off and recorded as `uncollected` (clawback). One ledger entry
   * whose metadata carries `reversed_points` (uncollected included). The caller holds the account
   * lock and writes the balance.
   */
  private async reverseFromLot_(
    knex: Knex,
    account: AccountRow,
    lot: { id: string; order_id: string | null; line_item_id: string | null },
    points: number,
    entry: { idempotency_key: string; occurred_at: Date; reason: string | null; metadata: Record<string, unknown> }
  ): Promise<{ collected: number; debt: number }> {
    const [fresh] = await knex<LotRow>("points_lot").where({ id: lot.id }).select("remaining")
    const fromLot = Math.min(fresh.remaining, points)
    const others = (await this.spendableLots_(knex, account.id)).filter((l) => l.id !== lot.id)
    const fromOthers = allocateFifo(others, points - fromLot)
    const allocations = [...(fromLot ? [{ lot_id: lot.id, points: fromLot }] : []), ...fromOthers.allocations]
    const shortfall = fromOthers.shortfall
    const policy = account.negative_policy ?? this.loyaltyOptions_.negativeBalance
    const uncollected = policy === "clawback" ? shortfall : 0
    const txId = await this.insertTransaction_(knex, account, {
      type: "reverse",
      points: -(points - uncollected),
      idempotency_key: entry.idempotency_key,
      occurred_at: entry.occurred_at,
      order_id: lot.order_id,
      line_item_id: lot.line_item_id,
      lot_id: lot.id,
      reason: entry.reason,
      metadata: { ...entry.metadata, reversed_points: points, ...(uncollected ? { uncollected } : {}) },
    })
    await this.consume_(knex, txId, allocations)
    return { collected: points - uncollected, debt: policy === "allow_negative" ? shortfall : 0 }
  }

  /**
   * Expires what is left of lots whose expiry has passed: one ledger entry per lot
   * (`expire:<lot>`, so a rerun or a second worker records nothing twice), for up to `limit`
   * accounts per call, set-based: the accounts are locked, then entries, allocations, lots and
   * balances are written with one statement each. Returns the number of lots expired and the
   * customers whose balance it lowered.
   */
  @InjectTransactionManager()
  async expirePoints(
    input: { now?: Date; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ lots: number; customer_ids: string[] }> {
    const knex = this.transaction_(sharedContext)
    const now = input.now ?? new Date()
    await knex.raw("SET LOCAL lock_timeout = '10s'")
    // Accounts with something to expire, locked in id order (the order every writer locks in).
    const locked: { id: string }[] = await knex("loyalty_account")
      .whereIn(
        "id",
        knex("points_lot").where("expires_at", "<=", now).andWhere("remaining", ">", 0).whereNull("deleted_at").distinct("account_id")
      )
      .orderBy("id")
      .limit(input.limit ?? 1000)
      .forUpdate()
      .skipLocked()
      .select("id")
    if (!locked.length) {
      return { lots: 0, customer_ids: [] }
    }
    const ids = locked.map((a) => a.id)
    const expiring = knex("points_lot as l")
      .join("loyalty_account as a", "a.id", "l.account_id")
      .whereIn("l.account_id", ids)
      .andWhere("l.expires_at", "<=", now)
      .andWhere("l.remaining", ">", 0)
    const inserted = await knex.raw(
      `insert into points_transaction (id, account_id, customer_id, type, points, idempotency_key, occurred_at, lot_id)
       select 'lptx_' || replace(gen_random_uuid()::text, '-', ''), l.account_id, a.customer_id, 'expire', -l.remaining,
              'expire:' || l.id, l.expires_at, l.id
       from (${expiring.clone().select("l.id", "l.account_id", "l.remaining", "l.expires_at", "a.customer_id").toQuery()}) as l
       join loyalty_account a on a.id = l.account_id
       on conflict (idempotency_key) where deleted_at is null do nothing
       returning id, lot_id, account_id, customer_id, -points as points`
    )
    const rows: { id: string; lot_id: string; account_id: string; customer_id: string; points: number }[] = inserted.rows
    if (!rows.length) {
      return { lots: 0, customer_ids: [] }
    }
    await knex("points_allocation").insert(
      rows.map((r) => ({ id: generateEntityId(undefined, "lpal"), transaction_id: r.id, lot_id: r.lot_id, kind: "consume", points: r.points }))
    )
    await knex("points_lot").whereIn("id", rows.map((r) => r.lot_id)).update({ remaining: 0, updated_at: new Date() })
    const perAccount = new Map<string, number>()
    for (const r of rows) {
      perAccount.set(r.account_id, (perAccount.get(r.account_id) ?? 0) + r.points)
    }
    await knex.raw(
      `update loyalty_account a set points_balance = a.points_balance - v.points, updated_at = now()
       from (select unnest(?::text[]) as id, unnest(?::int[]) as points) v where a.id = v.id`,
      [[...perAccount.keys()], [...perAccount.values()]]
    )
    return { lots: rows.length, customer_ids: [...new Set(rows.map((r) => r.customer_id))] }
  }

  /**
   * Balance, available, pending, held, debt and the next expiry of one customer, exact at `now`,
   * in one statement (a balance read is the hottest query of the ledger).
   */
  @InjectManager()
  async retrieveBalance(customerId: string, now: Date = new Date(), @MedusaContext() sharedContext: Context = {}): Promise<PointsBalance> {
    const knex = this.knex_(sharedContext)
    const { rows } = await knex.raw<{ rows: BalanceRow[] }>(BALANCE_SQL, { customer_id: customerId, now })
    const row = rows[0]
    if (!row) {
      return { customer_id: customerId, balance: 0, available: 0, pending: 0, held: 0, debt: 0, lifetime_earned: 0, next_expiry: null }
    }
    return {
      customer_id: customerId,
      balance: row.points_balance,
      available: Math.max(0, row.available - row.points_debt - row.held),
      pending: row.pending,
      held: row.held,
      debt: row.points_debt,
      lifetime_earned: row.lifetime_earned,
      next_expiry: row.next_expires_at ? { points: row.next_points, expires_at: new Date(row.next_expires_at) } : null,
    }
  }

  /**
   * Proves the cached balances: for each account (all, or the given customers), the cached balance
   * must equal the ledger sum and the lots' remaining points minus debt. The comparison runs in
   * the database; only mismatches (at most `limit`) come back.
   */
  @InjectManager()
  async verifyBalances(
    input: { customer_ids?: string[]; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<BalanceMismatch[]> {
    const knex = this.knex_(sharedContext)
    // The sums are grouped once per table and joined (one pass each for a whole-store check); for
    // given customers each sum is first narrowed to their accounts, so it reads only their rows
    // through the partial account_id indexes instead of grouping whole tables.
    const accounts = knex("loyalty_account").whereNull("deleted_at").select("id")
    if (input.customer_ids) {
      accounts.whereIn("customer_id", input.customer_ids)
    }
    const sumOf = (table: "points_transaction" | "points_lot", column: "points" | "remaining") => {
      const sums = knex(table).whereNull("deleted_at").groupBy("account_id").select("account_id", knex.raw("sum(??) as total", [column]))
      if (input.customer_ids) {
        sums.whereIn("account_id", accounts.clone())
      }
      return sums
    }
    const mismatches: BalanceMismatch[] = await knex("loyalty_account as a")
      .leftJoin(sumOf("points_transaction", "points").as("t"), "t.account_id", "a.id")
      .leftJoin(sumOf("points_lot", "remaining").as("l"), "l.account_id", "a.id")
      .whereNull("a.deleted_at")
      .modify((q) => {
        if (input.customer_ids) {
          q.whereIn("a.customer_id", input.customer_ids)
        }
      })
      .whereRaw("(a.points_balance <> coalesce(t.total, 0) or a.points_balance <> coalesce(l.total, 0) - a.points_debt)")
      .orderBy("a.id")
      .limit(input.limit ?? 1000)
      .select(
        "a.id as account_id",
        "a.customer_id",
        "a.points_balance as cached_balance",
        knex.raw("coalesce(t.total, 0)::int as ledger_sum"),
        knex.raw("(coalesce(l.total, 0) - a.points_debt)::int as lots_minus_debt")
      )
    return mismatches
  }

  /**
   * Records units of rule products bought (positive) or returned (negative) and issues the rewards
   * now due: the k-th reward comes when the count first reaches k × N. Returns lower the count but
   * never take back a reward, so buying the returned unit again does not earn a second one. A return
   * never lowers the count below what its order line added. Each entry is applied once (unique key);
   * each reward is issued once (unique rule, customer, sequence). Returns the rewards created now.
   */
  @InjectTransactionManager()
  async countPurchases(input: CountPurchasesInput, @MedusaContext() sharedContext: Context = {}): Promise<IssuedPurchaseReward[]> {
    const knex = this.transaction_(sharedContext)
    const issued: IssuedPurchaseReward[] = []
    const ruleIds = [...new Set(input.entries.map((e) => e.rule_id))].sort()
    const rules: { id: string; every_quantity: number; reward_type: IssuedPurchaseReward["reward_type"]; gift_variant_id: string | null; gift_quantity: number }[] =
      ruleIds.length ? await knex("purchase_reward_rule").whereIn("id", ruleIds).whereNull("deleted_at").select("*") : []
    await knex.raw("SET LOCAL lock_timeout = '10s'")
    for (const rule of rules) {
      await knex("purchase_counter")
        .insert({ id: generateEntityId(undefined, "lpctr"), rule_id: rule.id, customer_id: input.customer_id })
        .onConflict(knex.raw("(rule_id, customer_id) where deleted_at is null"))
        .ignore()
      const [counter] = await knex("purchase_counter")
        .where({ rule_id: rule.id, customer_id: input.customer_id })
        .whereNull("deleted_at")
        .forUpdate()
        .select("*")
      const entries = input.entries.filter((e) => e.rule_id === rule.id)
      const existing = await this.existingCountKeys_(knex, entries.map((e) => e.idempotency_key))
      let delta = 0
      for (const entry of entries) {
        if (existing.has(entry.idempotency_key) || entry.quantity === 0) {
          continue
        }
        let quantity = entry.quantity
        if (quantity < 0) {
          // Never uncount more than the order line counted (a line returned in several parts).
          const [{ counted }] = await knex("purchase_count_entry")
            .where({ rule_id: rule.id, customer_id: input.customer_id, line_item_id: entry.line_item_id ?? "" })
            .select(knex.raw("coalesce(sum(quantity), 0)::int as counted"))
          quantity = -Math.min(-quantity, counted)
          if (!quantity) {
            continue
          }
        }
        await knex("purchase_count_entry").insert({
          id: generateEntityId(undefined, "lpce"),
          rule_id: rule.id,
          customer_id: input.customer_id,
          quantity,
          idempotency_key: entry.idempotency_key,
          order_id: entry.order_id ?? null,
          line_item_id: entry.line_item_id ?? null,
          occurred_at: input.occurred_at ?? new Date(),
        })
        existing.add(entry.idempotency_key)
        delta += quantity
      }
      const quantity = counter.quantity + delta
      const due = Math.floor(Math.max(quantity, 0) / rule.every_quantity)
      let rewardsIssued = counter.rewards_issued
      while (rewardsIssued < due) {
        rewardsIssued++
        const id = generateEntityId(undefined, "lprw")
        await knex("purchase_reward").insert({
          id,
          rule_id: rule.id,
          customer_id: input.customer_id,
          sequence: rewardsIssued,
          reward_type: rule.reward_type,
          status: "pending",
          order_id: input.order_id ?? null,
          gift_variant_id: rule.gift_variant_id ?? input.entries.find((e) => e.rule_id === rule.id)?.variant_id ?? null,
          gift_quantity: rule.gift_quantity,
          shipping_address: input.shipping_address ? JSON.stringify(input.shipping_address) : null,
        })
        issued.push({ id, rule_id: rule.id, customer_id: input.customer_id, sequence: rewardsIssued, reward_type: rule.reward_type })
      }
      if (delta || rewardsIssued !== counter.rewards_issued) {
        await knex("purchase_counter")
          .where({ id: counter.id })
          .update({ quantity, rewards_issued: rewardsIssued, updated_at: new Date() })
      }
    }
    return issued
  }

  private async existingCountKeys_(knex: Knex, keys: string[]): Promise<Set<string>> {
    if (!keys.length) {
      return new Set()
    }
    const rows: { idempotency_key: string }[] = await knex("purchase_count_entry")
      .whereIn("idempotency_key", keys)
      .select("idempotency_key")
    return new Set(rows.map((r) => r.idempotency_key))
  }

  /**
   * Marks the given gift shipments fulfilled, only those still pending: one conditional UPDATE, so
   * when two admins fulfil the same shipment at once the second finds it no longer pending and
   * records nothing. Returns the shipments changed, with their values before (for a rollback).
   */
  @InjectTransactionManager()
  async fulfillGiftShipments(
    input: { ids: string[]; actor_id: string; note?: string | null; now?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<GiftShipmentBefore[]> {
    if (!input.ids.length) {
      return []
    }
    const knex = this.transaction_(sharedContext)
    // The CTE locks the pending rows; a concurrent fulfilment waits, then re-checks status and skips them.
    const { rows } = await knex.raw<{ rows: GiftShipmentBefore[] }>(
      `with before as (
         select id, status, fulfilled_at, fulfilled_by, note from purchase_reward
         where id = any(:ids) and reward_type = 'gift_shipment' and status = 'pending' and deleted_at is null
         for update
       )
       update purchase_reward r
       set status = 'fulfilled', fulfilled_at = :now, fulfilled_by = :actor_id,
           note = case when :set_note then :note else r.note end, updated_at = :now
       from before b
       where r.id = b.id
       returning b.id, b.status, b.fulfilled_at, b.fulfilled_by, b.note`,
      {
        ids: input.ids,
        now: input.now ?? new Date(),
        actor_id: input.actor_id,
        set_note: input.note !== undefined,
        note: input.note ?? null,
      }
    )
    return rows
  }

  /**
   * Re-evaluates tiers from the last 12 months: points earned net of reversals (basis "points") or
   * the amount spent in the tier's currency net of refunds (basis "spend"); the highest-ranked tier
   * reached applies, downgrades included. Evaluates the given customers, or the next `limit`
   * accounts after `after` (keyset paging for the nightly run). Returns the changes made.
   */
  @InjectTransactionManager()
  async evaluateTiers(
    input: { customer_ids?: string[]; after?: string; limit?: number; now?: Date } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ changes: TierChange[]; last_account_id: string | null }> {
    const knex = this.transaction_(sharedContext)
    const now = input.now ?? new Date()
    const since = new Date(now.getTime() - 365 * DAY)
    const tiers: { id: string; rank: number; basis: "points" | "spend"; threshold: string; currency_code: string | null }[] =
      await knex("loyalty_tier").where({ is_active: true }).whereNull("deleted_at").orderBy("rank", "desc").select("*")
    const accounts = knex("loyalty_account").whereNull("deleted_at").orderBy("id").forUpdate().select("id", "customer_id", "tier_id")
    if (input.customer_ids) {
      accounts.whereIn("customer_id", input.customer_ids)
    } else {
      accounts.where("id", ">", input.after ?? "").limit(input.limit ?? 1000)
    }
    const rows: { id: string; customer_id: string; tier_id: string | null }[] = await accounts
    if (!rows.length) {
      return { changes: [], last_account_id: null }
    }
    const ids = rows.map((r) => r.id)
    // Order points and their reversals: a reversal counts only against a lot an order earned (not
    // against a voided referral or a rolled-back adjustment, which never counted in the first place).
    const points: { account_id: string; points: number }[] = await knex("points_transaction as t")
      .join("points_lot as l", "l.id", "t.lot_id")
      .join("points_transaction as e", "e.id", "l.transaction_id")
      .whereIn("t.account_id", ids)
      .whereNull("t.deleted_at")
      .whereIn("t.type", ["earn", "reverse"])
      .andWhere("e.type", "earn")
      .andWhere("t.occurred_at", ">", since)
      .andWhere("t.occurred_at", "<=", now)
      .groupBy("t.account_id")
      .select("t.account_id", knex.raw("sum(t.points)::int as points"))
    const spend: { account_id: string; currency_code: string; amount: string }[] = await knex("points_lot as l")
      .whereIn("l.account_id", ids)
      .whereNotNull("l.order_id")
      .andWhere("l.earned_at", ">", since)
      .andWhere("l.earned_at", "<=", now)
      .groupBy("l.account_id", "l.currency_code")
      .select(
        "l.account_id",
        "l.currency_code",
        knex.raw(
          `sum(l.base_amount) - coalesce(sum((select sum((t.metadata->>'refunded_amount')::numeric) from points_transaction t
             where t.lot_id = l.id and t.type = 'reverse')), 0) as amount`
        )
      )
    const changes: TierChange[] = []
    for (const account of rows) {
      const earned = points.find((p) => p.account_id === account.id)?.points ?? 0
      const reached = tiers.find((tier) => {
        const value =
          tier.basis === "points"
            ? earned
            : Number(spend.find((x) => x.account_id === account.id && x.currency_code === tier.currency_code)?.amount ?? 0)
        return value >= Number(tier.threshold)
      })
      const tierId = reached?.id ?? null
      if (tierId !== account.tier_id) {
        await knex("loyalty_account").where({ id: account.id }).update({ tier_id: tierId, tier_changed_at: now, updated_at: now })
        changes.push({ customer_id: account.customer_id, from_tier_id: account.tier_id, to_tier_id: tierId })
      }
    }
    return { changes, last_account_id: rows[rows.length - 1].id }
  }

  /** The earn multiplier of the customer's tier (1 without a tier). */
  @InjectManager()
  async tierMultiplier(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    const knex = this.knex_(sharedContext)
    const [row] = await knex("loyalty_account as a")
      .join("loyalty_tier as t", "t.id", "a.tier_id")
      .where("a.customer_id", customerId)
      .whereNull("t.deleted_at")
      .andWhere("t.is_active", true)
      .select("t.earn_multiplier")
    return row ? Number(row.earn_multiplier) : 1
  }

  /**
   * Sets points aside on a cart (redemption at checkout). A cart has at most one hold: an existing
   * one is released and returned so its promotion can be removed. Refuses more than the available
   * balance (points held on other carts are not available).
   */
  @InjectTransactionManager()
  async holdPoints(input: HoldPointsInput, @MedusaContext() sharedContext: Context = {}): Promise<{ hold_id: string; released: PointsHoldRow | null }> {
    if (!Number.isInteger(input.points) || input.points <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `points must be a positive whole number; got ${input.points}`)
    }
    const knex = this.transaction_(sharedContext)
    const account = await this.lockAccount_(knex, input.customer_id)
    const [previous] = await knex<PointsHoldRow>("points_hold").where({ cart_id: input.cart_id, status: "held" }).whereNull("deleted_at").select("*")
    if (previous) {
      if (previous.customer_id !== input.customer_id) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id "${input.cart_id}" not found`)
      }
      await knex("points_hold").where({ id: previous.id }).update({ status: "released", released_at: new Date(), updated_at: new Date() })
    }
    const now = input.now ?? new Date()
    const lots = await this.availableLots_(knex, account.id, now)
    const available = lots.reduce((s, l) => s + l.remaining, 0) - account.points_debt - (await this.heldPoints_(knex, account.id))
    if (input.points > available) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `points: ${input.points} requested but only ${Math.max(0, available)} available`)
    }
    const id = generateEntityId(undefined, "lphold")
    await knex("points_hold").insert({
      id,
      account_id: account.id,
      customer_id: input.customer_id,
      cart_id: input.cart_id,
      points: input.points,
      amount: String(input.amount),
      raw_amount: JSON.stringify({ value: String(input.amount), precision: 20 }),
      currency_code: input.currency_code,
      promotion_id: input.promotion_id ?? null,
      promotion_code: input.promotion_code ?? null,
      status: "held",
      expires_at: input.expires_at,
    })
    return { hold_id: id, released: previous ?? null }
  }

  /** Releases a cart's hold (redemption removed, cart abandoned); returns it, or null if none. */
  @InjectTransactionManager()
  async releaseHold(input: { cart_id?: string; hold_id?: string }, @MedusaContext() sharedContext: Context = {}): Promise<PointsHoldRow | null> {
    const knex = this.transaction_(sharedContext)
    const query = knex<PointsHoldRow>("points_hold").where({ status: "held" }).whereNull("deleted_at").forUpdate()
    if (input.hold_id) query.where({ id: input.hold_id })
    else query.where({ cart_id: input.cart_id ?? "" })
    const [hold] = await query.select("*")
    if (!hold) {
      return null
    }
    await knex("points_hold").where({ id: hold.id }).update({ status: "released", released_at: new Date(), updated_at: new Date() })
    return hold
  }

  /**
   * Turns a hold into a redemption when its order is placed: points taken first-expiring first
   * (key `redeem:<order>`, so a replayed order.placed redeems once). If some held points expired in
   * between, the rest comes from other lots, then debt: the customer already had the discount.
   */
  @InjectTransactionManager()
  async consumeHold(input: { hold_id: string; order_id: string }, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    const knex = this.transaction_(sharedContext)
    const [hold] = await knex<PointsHoldRow>("points_hold").where({ id: input.hold_id }).select("*")
    if (!hold) {
      return null
    }
    const account = await this.lockAccount_(knex, hold.customer_id)
    const key = `redeem:${input.order_id}`
    const [done] = await knex("points_transaction").where({ idempotency_key: key }).whereNull("deleted_at").select("id")
    if (done || hold.status !== "held") {
      return done?.id ?? null
    }
    const now = new Date()
    const available = await this.availableLots_(knex, account.id, now)
    const first = allocateFifo(available, hold.points)
    const others = (await this.spendableLots_(knex, account.id)).filter((l) => !available.some((a) => a.id === l.id))
    const rest = allocateFifo(others, first.shortfall)
    const txId = await this.insertTransaction_(knex, account, {
      type: "redeem",
      points: -hold.points,
      idempotency_key: key,
      occurred_at: now,
      order_id: input.order_id,
      metadata: { hold_id: hold.id, cart_id: hold.cart_id, amount: String(hold.amount), currency_code: hold.currency_code },
    })
    await this.consume_(knex, txId, [...first.allocations, ...rest.allocations])
    await this.addToBalance_(knex, account, -hold.points, account.points_debt + rest.shortfall)
    await knex("points_hold").where({ id: hold.id }).update({ status: "consumed", order_id: input.order_id, updated_at: now })
    return txId
  }

  private async heldPoints_(knex: Knex, accountId: string): Promise<number> {
    const [{ held }] = await knex("points_hold")
      .where({ account_id: accountId, status: "held" })
      .whereNull("deleted_at")
      .select(knex.raw("coalesce(sum(points), 0)::int as held"))
    return held
  }

  /**
   * The points accounting report: per period, points issued (earn, referral, reward, positive
   * adjustments), redeemed, expired, reversed and adjusted down; and now, the points outstanding
   * (available and pending) and what they are worth per currency at the redemption value.
   */
  @InjectManager()
  async pointsReport(
    input: { from: Date; to: Date; interval: "day" | "week" | "month" },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<PointsReport> {
    const knex = this.knex_(sharedContext)
    const periods: PointsReport["periods"] = await knex("points_transaction")
      .where("occurred_at", ">=", input.from)
      .andWhere("occurred_at", "<", input.to)
      .whereNull("deleted_at")
      .groupByRaw("1")
      .orderByRaw("1")
      .select(
        knex.raw("date_trunc(?, occurred_at at time zone 'UTC') as period", [input.interval]),
        knex.raw("coalesce(sum(points) filter (where type in ('earn', 'referral', 'reward') or (type = 'adjust' and points > 0)), 0)::bigint as issued"),
        knex.raw("coalesce(-sum(points) filter (where type = 'redeem'), 0)::bigint as redeemed"),
        knex.raw("coalesce(-sum(points) filter (where type = 'expire'), 0)::bigint as expired"),
        knex.raw("coalesce(-sum(points) filter (where type = 'reverse'), 0)::bigint as reversed"),
        knex.raw("coalesce(-sum(points) filter (where type = 'adjust' and points < 0), 0)::bigint as adjusted_down")
      )
    const now = new Date()
    const outstanding: { currency_code: string | null; available: string; pending: string }[] = await knex("points_lot")
      .where("remaining", ">", 0)
      .whereNull("deleted_at")
      .andWhere((q) => q.whereNull("expires_at").orWhere("expires_at", ">", now))
      .groupBy("currency_code")
      .select(
        "currency_code",
        knex.raw("coalesce(sum(remaining) filter (where available_at <= ?), 0)::bigint as available", [now]),
        knex.raw("coalesce(sum(remaining) filter (where available_at > ?), 0)::bigint as pending", [now])
      )
    const redemption = this.loyaltyOptions_.redemption
    return {
      periods: periods.map((p) => ({
        period: new Date(p.period),
        issued: Number(p.issued),
        redeemed: Number(p.redeemed),
        expired: Number(p.expired),
        reversed: Number(p.reversed),
        adjusted_down: Number(p.adjusted_down),
      })),
      liability: outstanding.map((o) => {
        const points = Number(o.available) + Number(o.pending)
        const value = redemption.valuePerPoint[(o.currency_code ?? "").toLowerCase()] ?? redemption.valuePerPoint.default ?? 0.01
        return {
          currency_code: o.currency_code,
          available: Number(o.available),
          pending: Number(o.pending),
          amount: MathBN.mult(points, value).decimalPlaces(2).toNumber(),
        }
      }),
    }
  }

  /** The customer's referral code, created on first use. */
  @InjectTransactionManager()
  async referralCodeFor(customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<string> {
    const knex = this.transaction_(sharedContext)
    for (let attempt = 0; attempt < 5; attempt++) {
      const [existing] = await knex("referral_code").where({ customer_id: customerId }).whereNull("deleted_at").select("code")
      if (existing) {
        return existing.code
      }
      const code = randomBytes(6).toString("base64url").replace(/[-_]/g, "X").slice(0, 8).toUpperCase()
      const inserted = await knex("referral_code")
        .insert({ id: generateEntityId(undefined, "lprc"), customer_id: customerId, code })
        .onConflict()
        .ignore()
        .returning("code")
      if (inserted.length) {
        return code
      }
    }
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Could not allocate a referral code")
  }

  /**
   * Registers the customer as referred by the owner of `code`. Only before their first order
   * (`has_orders` says whether they have one), once, and never by their own code.
   */
  @InjectTransactionManager()
  async registerReferral(
    input: { referee_customer_id: string; code: string; has_orders: boolean },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<string> {
    const knex = this.transaction_(sharedContext)
    const [owner] = await knex("referral_code").whereRaw("upper(code) = upper(?)", [input.code.trim()]).whereNull("deleted_at").select("customer_id", "code")
    if (!owner) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `code: no referral code "${input.code}"`)
    }
    if (owner.customer_id === input.referee_customer_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "code: a customer cannot refer themselves")
    }
    if (input.has_orders) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "code: referral codes apply only before the first order")
    }
    const id = generateEntityId(undefined, "lpref")
    const inserted = await knex("referral")
      .insert({ id, referrer_customer_id: owner.customer_id, referee_customer_id: input.referee_customer_id, code: owner.code })
      .onConflict(knex.raw("(referee_customer_id) where deleted_at is null"))
      .ignore()
      .returning("id")
    if (!inserted.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "code: this customer was already referred")
    }
    return id
  }

  /**
   * The referee's first order: both sides earn their referral points, pending for that order's
   * return window (keys `referral:<id>:referrer|referee`). Returns the referral, or null.
   */
  @InjectTransactionManager()
  async rewardReferral(
    input: { referee_customer_id: string; order_id: string; occurred_at?: Date },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReferralParties | null> {
    const knex = this.transaction_(sharedContext)
    const [referral] = await knex("referral")
      .where({ referee_customer_id: input.referee_customer_id, status: "registered" })
      .whereNull("deleted_at")
      .forUpdate()
      .select("*")
    if (!referral) {
      return null
    }
    const { referrerPoints, refereePoints } = this.loyaltyOptions_.referral
    const occurred_at = input.occurred_at ?? new Date()
    const base = { order_id: input.order_id, reason: `referral ${referral.code}` }
    await this.creditPoints(
      { customer_id: referral.referrer_customer_id, type: "referral", occurred_at, entries: [{ ...base, idempotency_key: `referral:${referral.id}:referrer`, points: referrerPoints }] },
      sharedContext
    )
    await this.creditPoints(
      { customer_id: referral.referee_customer_id, type: "referral", occurred_at, entries: [{ ...base, idempotency_key: `referral:${referral.id}:referee`, points: refereePoints }] },
      sharedContext
    )
    await knex("referral").where({ id: referral.id }).update({ status: "rewarded", order_id: input.order_id, rewarded_at: occurred_at, updated_at: new Date() })
    return { id: referral.id, referrer_customer_id: referral.referrer_customer_id, referee_customer_id: referral.referee_customer_id }
  }

  /** The qualifying order was canceled: the referral is void and both sides' points are reversed. */
  @InjectTransactionManager()
  async voidReferral(input: { order_id: string }, @MedusaContext() sharedContext: Context = {}): Promise<ReferralParties | null> {
    const knex = this.transaction_(sharedContext)
    const [referral] = await knex("referral").where({ order_id: input.order_id, status: "rewarded" }).forUpdate().select("*")
    if (!referral) {
      return null
    }
    const lots: { id: string }[] = await knex("points_lot as l")
      .join("points_transaction as t", "t.id", "l.transaction_id")
      .whereIn("t.idempotency_key", [`referral:${referral.id}:referrer`, `referral:${referral.id}:referee`])
      .select("l.id")
    await this.reverseEarnedPoints(
      { source_key: `void:${referral.id}`, reversals: lots.map((l) => ({ lot_id: l.id, refunded_amount: 0 })), reason: "referral void: order canceled" },
      sharedContext
    )
    await knex("referral").where({ id: referral.id }).update({ status: "void", updated_at: new Date() })
    return { id: referral.id, referrer_customer_id: referral.referrer_customer_id, referee_customer_id: referral.referee_customer_id }
  }

  /**
   * Customers with points expiring between `now` and `now + within_days`: how many, and the first
   * expiry date; keyset-paged by customer id. Points already redeemed or reversed are not counted.
   */
  @InjectManager()
  async listExpiringPoints(
    input: { within_days: number; now?: Date; after?: string; limit?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; points: number; first_expiry: Date }[]> {
    const knex = this.knex_(sharedContext)
    const now = input.now ?? new Date()
    const until = new Date(now.getTime() + input.within_days * DAY)
    const rows: { customer_id: string; points: number; first_expiry: Date }[] = await knex("points_lot as l")
      .join("loyalty_account as a", "a.id", "l.account_id")
      .where("l.remaining", ">", 0)
      .andWhere("l.expires_at", ">", now)
      .andWhere("l.expires_at", "<=", until)
      .andWhere("a.customer_id", ">", input.after ?? "")
      .whereNull("l.deleted_at")
      .groupBy("a.customer_id")
      .orderBy("a.customer_id")
      .limit(input.limit ?? 500)
      .select("a.customer_id", knex.raw("sum(l.remaining)::int as points"), knex.raw("min(l.expires_at) as first_expiry"))
    return rows.map((r) => ({ ...r, first_expiry: new Date(r.first_expiry) }))
  }

  private transaction_(sharedContext: Context): Knex {
    // A FOR UPDATE outside a transaction would release the lock at once; fail instead.
    const knex = (sharedContext.transactionManager as any)?.getTransactionContext?.()
    if (!knex) {
      throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "Points ledger changes must run inside a transaction")
    }
    return knex
  }

  private knex_(sharedContext: Context): Knex {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as any
    return manager.getTransactionContext?.() ?? manager.getKnex()
  }

  private async lockAccount_(knex: Knex, customerId: string): Promise<AccountRow> {
    return (await this.lockAccounts_(knex, [customerId])).get(customerId)!
  }

  /** Creates the customers' accounts if missing and locks them, in id order (the order every writer locks in). */
  private async lockAccounts_(knex: Knex, customerIds: string[]): Promise<Map<string, AccountRow>> {
    const ids = [...new Set(customerIds)].sort()
    await knex.raw("SET LOCAL lock_timeout = '10s'")
    await knex("loyalty_account")
      .insert(ids.map((customer_id) => ({ id: generateEntityId(undefined, "lpacc"), customer_id })))
      .onConflict(knex.raw("(customer_id) where deleted_at is null"))
      .ignore()
    const accounts = await knex<AccountRow>("loyalty_account").whereIn("customer_id", ids).whereNull("deleted_at").orderBy("id").forUpdate().select("*")
    return new Map(accounts.map((a) => [a.customer_id, a]))
  }

  private async existingKeys_(knex: Knex, keys: string[]): Promise<Set<string>> {
    if (!keys.length) {
      return new Set()
    }
    const rows: { idempotency_key: string }[] = await knex("points_transaction")
      .whereIn("idempotency_key", keys)
      .whereNull("deleted_at")
      .select("idempotency_key")
    return new Set(rows.map((r) => r.idempotency_key))
  }

  /** Lots that can be spent now: available, not expired, first-expiring first. */
  private async availableLots_(knex: Knex, accountId: string, now: Date): Promise<LotRow[]> {
    return knex("points_lot")
      .where({ account_id: accountId })
      .whereNull("deleted_at")
      .andWhere("remaining", ">", 0)
      .andWhere("available_at", "<=", now)
      .andWhere((q) => q.whereNull("expires_at").orWhere("expires_at", ">", now))
      .orderByRaw("expires_at asc nulls last, earned_at asc, id asc")
      .select("*")
  }

  /** Every lot with points left (pending ones too), first-expiring first: what a reversal may take. */
  private async spendableLots_(knex: Knex, accountId: string): Promise<LotRow[]> {
    return knex("points_lot")
      .where({ account_id: accountId })
      .whereNull("deleted_at")
      .andWhere("remaining", ">", 0)
      .orderByRaw("available_at asc, expires_at asc nulls last, earned_at asc, id asc")
      .select("*")
  }

  private async insertTransaction_(
    knex: Knex,
    account: AccountRow,
    row: {
      type: string
      points: number
      idempotency_key: string
      occurred_at: Date
      order_id?: string | null
      line_item_id?: string | null
      lot_id?: string | null
      reason?: string | null
      actor_id?: string | null
      metadata?: Record<string, unknown> | null
    }
  ): Promise<string> {
    const id = generateEntityId(undefined, "lptx")
    await knex("points_transaction").insert({
      id,
      account_id: account.id,
      customer_id: account.customer_id,
      type: row.type,
      points: row.points,
      idempotency_key: row.idempotency_key,
      occurred_at: row.occurred_at,
      order_id: row.order_id ?? null,
      line_item_id: row.line_item_id ?? null,
      lot_id: row.lot_id ?? null,
      reason: row.reason ?? null,
      actor_id: row.actor_id ?? null,
      metadata: row.metadata ? JSON.stringify(row.metadata) : null,
    })
    return id
  }

  private async consume_(knex: Knex, transactionId: string, allocations: { lot_id: string; points: number }[]) {
    for (const a of allocations) {
      await knex("points_lot").where({ id: a.lot_id }).decrement("remaining", a.points)
    }
    await this.insertAllocations_(knex, transactionId, allocations, "consume")
  }

  private async insertAllocations_(
    knex: Knex,
    transactionId: string,
    allocations: { lot_id: string; points: number }[],
    kind: "consume" | "restore" | "debt"
  ) {
    if (!allocations.length) {
      return
    }
    await knex("points_allocation").insert(
      allocations.map((a) => ({
        id: generateEntityId(undefined, "lpal"),
        transaction_id: transactionId,
        lot_id: a.lot_id,
        kind,
        points: a.points,
      }))
    )
  }

  private async addToBalance_(knex: Knex, account: AccountRow, delta: number, debt: number) {
    await knex("loyalty_account")
      .where({ id: account.id })
      .update({ points_balance: account.points_balance + delta, points_debt: debt, updated_at: new Date() })
    account.points_balance += delta
    account.points_debt = debt
  }
}

export default LoyaltyPointsModuleService
