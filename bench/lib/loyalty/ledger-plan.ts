/**
 * ============================================================================================
 *  BENCH-ONLY. Not part of the plugin: synthetic points ledgers written straight into the
 *  loyalty-points tables of a bench schema, bypassing the module, to measure it at scale.
 * ============================================================================================
 *
 * A deterministic ledger per account (same seed + anchor + index → same rows), simulated the way
 * the service would have written it, in time order:
 *
 * - orders over the account's life (1–3 lines each, one `earn` transaction + one lot per line,
 *   pending for the 14-day return window, expiring 365 days after that, idempotency key
 *   `earn:<order>:<line>`), a few goodwill `adjust` credits;
 * - redemptions taking points first-expiring first (one `redeem` transaction, one `consume`
 *   allocation per lot touched), only from available points;
 * - the daily expiry job: one `expire` transaction + allocation per lot whose expiry passed with
 *   points left (key `expire:<lot>`), run up to the day before the anchor.
 *
 * So for every account: points_balance = sum(transaction.points) = sum(lot.remaining) − points_debt
 * (debt stays 0: no reversals are simulated), lifetime_earned = sum of non-adjust credits.
 *
 * Ids look like Medusa's (`<prefix>_` + a 26-character ULID whose time part is the event time);
 * the ULID's "random" part carries the account index and a per-account counter so ids never collide.
 */
import type { CopyValue } from "../copy-text"

export const DAY = 86_400_000
/** The module's defaults (src/modules/loyalty-points/utils/options.ts). */
export const RETURN_WINDOW_DAYS = 14
export const EXPIRY_DAYS = 365

export type LedgerOptions = { seed: number; anchor: Date }

export type AccountLedger = {
  account: CopyValue[]
  transactions: CopyValue[][]
  lots: CopyValue[][]
  allocations: CopyValue[][]
}

export const ACCOUNT_COLUMNS = [
  "id",
  "customer_id",
  "points_balance",
  "points_debt",
  "lifetime_earned",
  "negative_policy",
  "created_at",
  "updated_at",
] as const
export const TRANSACTION_COLUMNS = [
  "id",
  "account_id",
  "customer_id",
  "type",
  "points",
  "idempotency_key",
  "occurred_at",
  "order_id",
  "line_item_id",
  "lot_id",
  "reason",
  "actor_id",
  "metadata",
  "created_at",
  "updated_at",
] as const
export const LOT_COLUMNS = [
  "id",
  "account_id",
  "transaction_id",
  "points",
  "remaining",
  "earned_at",
  "available_at",
  "expires_at",
  "rate",
  "base_amount",
  "currency_code",
  "order_id",
  "line_item_id",
  "quantity",
  "raw_rate",
  "raw_base_amount",
  "created_at",
  "updated_at",
] as const
export const ALLOCATION_COLUMNS = ["id", "transaction_id", "lot_id", "kind", "points", "created_at", "updated_at"] as const

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
/** The account index fills 5 base-32 characters of the ULID's random part. */
export const MAX_ACCOUNTS = 32 ** 5

function base32(value: number, width: number): string {
  let out = ""
  for (let i = 0; i < width; i++) {
    out = CROCKFORD[value % 32] + out
    value = Math.floor(value / 32)
  }
  return out
}

/** A ULID-shaped id: 10 characters of time, then account index, counter and 8 random characters. */
function ulid(time: number, index: number, counter: number, random: () => number): string {
  return base32(time, 10) + base32(index, 5) + base32(counter, 3) + base32(Math.floor(random() * 2 ** 20), 4) + base32(Math.floor(random() * 2 ** 20), 4)
}

/** mulberry32: a small, fast 32-bit PRNG; good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function accountSeed(seed: number, index: number): number {
  return (Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(seed, 0x85ebca6b)) >>> 0
}

/** The customer id of account `index` (the bench picks customers by index). */
export function customerId(options: LedgerOptions, index: number): string {
  const random = rng(accountSeed(options.seed, index))
  const signup = signupTime(options, random)
  return `cus_${ulid(signup, index, 0, random)}`
}

function signupTime(options: LedgerOptions, random: () => number): number {
  // Customers joined 30 to 900 days before the anchor, at any time of day.
  return options.anchor.getTime() - Math.floor((30 + random() * 870) * DAY)
}

type Lot = {
  id: string
  txId: string
  points: number
  remaining: number
  earnedAt: number
  availableAt: number
  expiresAt: number
  updatedAt: number
  rate: string | null
  base: string | null
  currency: string | null
  orderId: string | null
  lineId: string | null
  quantity: number | null
}

type Event = { at: number; kind: "order" | "redeem" | "adjust" }

/** The service's FIFO order: expires_at asc, earned_at asc, id asc (ids here are fixed-width, so byte order). */
function spendingOrder(a: Lot, b: Lot): number {
  return a.expiresAt - b.expiresAt || a.earnedAt - b.earnedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

const isoDays = new Map<number, string>()
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`)

/** `new Date(ms).toISOString()` for whole milliseconds, several times faster (the day part is cached). */
export function iso(ms: number): string {
  const day = Math.floor(ms / DAY)
  let prefix = isoDays.get(day)
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11)
    isoDays.set(day, prefix)
  }
  let rest = ms - day * DAY
  const h = Math.floor(rest / 3_600_000)
  rest -= h * 3_600_000
  const m = Math.floor(rest / 60_000)
  rest -= m * 60_000
  const s = Math.floor(rest / 1000)
  const milli = rest - s * 1000
  return `${prefix}${pad2(h)}:${pad2(m)}:${pad2(s)}.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z`
}

/** Simulates account `index`'s whole ledger and returns its rows (column orders as above). */
export function accountLedger(options: LedgerOptions, index: number): AccountLedger {
  if (index >= MAX_ACCOUNTS) {
    throw new Error(`at most ${MAX_ACCOUNTS} accounts`)
  }
  const random = rng(accountSeed(options.seed, index))
  const anchor = options.anchor.getTime()
  const signup = signupTime(options, random)
  const cusId = `cus_${ulid(signup, index, 0, random)}`
  let counter = 1
  const id = (prefix: string, at: number) => `${prefix}_${ulid(at, index, counter++, random)}`
  const accountId = id("lpacc", signup)

  // Activity: a skewed number of orders (many light customers, a few heavy ones), ~0.4 redemptions
  // per order, 5% of accounts with a goodwill adjustment.
  const span = anchor - DAY / 24 - signup
  const orders = 3 + Math.floor(random() * random() * 38)
  const redeems = Math.floor(orders * random() * 0.8)
  const events: Event[] = []
  for (let i = 0; i < orders; i++) events.push({ at: signup + Math.floor(random() * span), kind: "order" })
  for (let i = 0; i < redeems; i++) events.push({ at: signup + Math.floor(random() * span), kind: "redeem" })
  if (random() < 0.05) events.push({ at: signup + Math.floor(random() * span), kind: "adjust" })
  events.sort((a, b) => a.at - b.at)

  const transactions: CopyValue[][] = []
  const lots: Lot[] = []
  const allocations: CopyValue[][] = []
  let balance = 0
  let lifetime = 0
  let lastAt = signup
  /** Lots not yet past their expiry, in the service's spending order (expires_at, earned_at, id). */
  const open: Lot[] = []

  const tx = (txId: string, type: string, points: number, key: string, at: number, orderId: string | null, lineId: string | null, lotId: string | null, reason: string | null, actorId: string | null) => {
    const when = iso(at)
    transactions.push([txId, accountId, cusId, type, points, key, when, orderId, lineId, lotId, reason, actorId, null, when, when])
    balance += points
    lastAt = Math.max(lastAt, at)
  }
  const allocate = (txId: string, lot: Lot, points: number, at: number) => {
    const when = iso(at)
    allocations.push([id("lpal", at), txId, lot.id, "consume", points, when, when])
    lot.remaining -= points
    lot.updatedAt = at
  }
  const credit = (at: number, type: "earn" | "adjust", points: number, line: { orderId: string; lineId: string; base: string; rate: string; quantity: number } | null) => {
    const txId = id("lptx", at)
    const lotId = id("lplot", at)
    const availableAt = type === "earn" ? at + RETURN_WINDOW_DAYS * DAY : at
    const key = line ? `earn:${line.orderId}:${line.lineId}` : `adjust:${id("ladj", at)}`
    tx(txId, type, points, key, at, line?.orderId ?? null, line?.lineId ?? null, lotId, line ? null : "goodwill", line ? null : `user_${ulid(signup, 0, 0, random)}`)
    lots.push({
      id: lotId,
      txId,
      points,
      remaining: points,
      earnedAt: at,
      availableAt,
      expiresAt: availableAt + EXPIRY_DAYS * DAY,
      updatedAt: at,
      rate: line?.rate ?? null,
      base: line?.base ?? null,
      currency: line ? "usd" : null,
      orderId: line?.orderId ?? null,
      lineId: line?.lineId ?? null,
      quantity: line?.quantity ?? null,
    })
    open.push(lots[lots.length - 1])
    open.sort(spendingOrder)
    if (type === "earn") lifetime += points
  }
  // The daily expiry job: every lot whose expiry passed by `until` gives up what is left, oldest
  // expiry first (the service's expirePoints orders by expires_at, id).
  const expireUntil = (until: number) => {
    while (open.length && open[0].expiresAt <= until) {
      const lot = open.shift()!
      if (lot.remaining > 0) {
        const txId = id("lptx", lot.expiresAt)
        const points = lot.remaining
        tx(txId, "expire", -points, `expire:${lot.id}`, lot.expiresAt, null, null, lot.id, null, null)
        allocate(txId, lot, points, lot.expiresAt)
      }
    }
  }

  for (const event of events) {
    expireUntil(event.at)
    if (event.kind === "order") {
      const orderId = id("order", event.at)
      const lineCount = 1 + Math.floor(random() * random() * 3.2)
      for (let l = 0; l < lineCount; l++) {
        const quantity = 1 + Math.floor(random() * random() * 3)
        const cents = (500 + Math.floor(random() * random() * 20_000)) * quantity
        const rate = random() < 0.15 ? "2" : "1"
        const base = (cents / 100).toFixed(2)
        const points = Math.floor((cents * Number(rate)) / 100)
        credit(event.at, "earn", points, { orderId, lineId: id("ordli", event.at), base, rate, quantity })
      }
    } else if (event.kind === "adjust") {
      credit(event.at, "adjust", 100, null)
    } else {
      // First-expiring first among available lots (open holds only lots not expired by now).
      let available = 0
      for (const lot of open) {
        if (lot.availableAt <= event.at) available += lot.remaining
      }
      if (available < 100) continue
      const points = Math.min(available, 50 * (2 + Math.floor(random() * 11)))
      const redeemOrder = id("order", event.at)
      const txId = id("lptx", event.at)
      tx(txId, "redeem", -points, `redeem:${redeemOrder}`, event.at, redeemOrder, null, null, null, null)
      let left = points
      for (const lot of open) {
        if (left === 0) break
        if (lot.availableAt > event.at || lot.remaining === 0) continue
        const take = Math.min(lot.remaining, left)
        allocate(txId, lot, take, event.at)
        left -= take
      }
    }
  }
  expireUntil(anchor - DAY)

  const lotRows = lots.map((l): CopyValue[] => [
    l.id,
    accountId,
    l.txId,
    l.points,
    l.remaining,
    iso(l.earnedAt),
    iso(l.availableAt),
    iso(l.expiresAt),
    l.rate,
    l.base,
    l.currency,
    l.orderId,
    l.lineId,
    l.quantity,
    l.rate === null ? null : `{"value":"${l.rate}","precision":20}`,
    l.base === null ? null : `{"value":"${l.base}","precision":20}`,
    iso(l.earnedAt),
    iso(l.updatedAt),
  ])
  const remaining = lots.reduce((s, l) => s + l.remaining, 0)
  if (remaining !== balance) {
    throw new Error(`ledger plan for account ${index} is inconsistent: balance ${balance}, lots ${remaining}`)
  }
  return {
    account: [accountId, cusId, balance, 0, lifetime, null, iso(signup), iso(lastAt)],
    transactions,
    lots: lotRows,
    allocations,
  }
}
