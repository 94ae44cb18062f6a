import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import type { SPENDING_LIMIT_PERIODS } from "../models/company-employee"

export type SpendingLimitPeriod = (typeof SPENDING_LIMIT_PERIODS)[number]

/** An employee's limit as stored: the three fields are set or null together (see the admin validators). */
export type SpendingLimit = {
  spending_limit: BigNumberInput | null
  spending_limit_currency_code: string | null
  spending_limit_period: SpendingLimitPeriod | null
}

/** An order as it counts against a limit: its total and the credit lines and refunds of its summary. */
export type SpendingOrder = {
  total?: BigNumberInput | null
  summary?: { credit_line_total?: BigNumberInput | null; refunded_total?: BigNumberInput | null } | null
}

/** Where an employee stands in the current period of their limit. */
export type SpendingStatus = {
  limit: string
  currency_code: string
  period: SpendingLimitPeriod
  period_start: Date
  period_end: Date
  spent: string
  remaining: string
}

const PERIOD_WORDS: Record<SpendingLimitPeriod, string> = { day: "today", week: "this week", month: "this month", quarter: "this quarter", year: "this year" }

/**
 * The current period of a limit, in UTC: day, ISO week (from Monday), calendar month, calendar
 * quarter, calendar year. `end` is the start of the next period.
 */
export function spendingPeriod(period: SpendingLimitPeriod, now: Date): { start: Date; end: Date } {
  const y = now.getUTCFullYear()
  const m = now.getUTCMonth()
  const d = now.getUTCDate()
  switch (period) {
    case "day":
      return { start: new Date(Date.UTC(y, m, d)), end: new Date(Date.UTC(y, m, d + 1)) }
    case "week": {
      const sinceMonday = (now.getUTCDay() + 6) % 7
      return { start: new Date(Date.UTC(y, m, d - sinceMonday)), end: new Date(Date.UTC(y, m, d - sinceMonday + 7)) }
    }
    case "month":
      return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) }
    case "quarter": {
      const first = m - (m % 3)
      return { start: new Date(Date.UTC(y, first, 1)), end: new Date(Date.UTC(y, first + 3, 1)) }
    }
    case "year":
      return { start: new Date(Date.UTC(y, 0, 1)), end: new Date(Date.UTC(y + 1, 0, 1)) }
  }
}

/**
 * What an order spent, net of refunds: `total` already has credit lines (a refund adds one)
 * taken off, so they are added back and the refunds subtracted once, as in customer-facts.
 */
export function orderNetSpend(order: SpendingOrder) {
  return MathBN.sub(MathBN.add(order.total ?? 0, order.summary?.credit_line_total ?? 0), order.summary?.refunded_total ?? 0)
}

/** Where the employee stands given the orders of the period (already filtered to its currency). */
export function spendingStatus(limit: SpendingLimit, orders: SpendingOrder[], now: Date): SpendingStatus | null {
  if (limit.spending_limit === null || limit.spending_limit === undefined || !limit.spending_limit_currency_code || !limit.spending_limit_period) {
    return null
  }
  const { start, end } = spendingPeriod(limit.spending_limit_period, now)
  const spent = orders.reduce((sum, o) => MathBN.add(sum, orderNetSpend(o)), MathBN.convert(0))
  const remaining = MathBN.max(MathBN.sub(limit.spending_limit, spent), 0)
  return {
    limit: MathBN.convert(limit.spending_limit).toString(),
    currency_code: limit.spending_limit_currency_code.toLowerCase(),
    period: limit.spending_limit_period,
    period_start: start,
    period_end: end,
    spent: spent.toString(),
    remaining: remaining.toString(),
  }
}

/**
 * Why a cart may not be completed under the status, or null when it may: a cart in another
 * currency than the limit's cannot be measured against it and is refused, or the limit could be
 * bypassed by switching region.
 */
export function spendingLimitViolation(status: SpendingStatus, cart: { total: BigNumberInput; currency_code: string }): string | null {
  const currency = status.currency_code.toUpperCase()
  const cartCurrency = cart.currency_code.toUpperCase()
  const when = `${PERIOD_WORDS[status.period]} (since ${status.period_start.toISOString().slice(0, 10)})`
  if (cartCurrency !== currency) {
    return (
      `spending_limit: your spending limit is ${status.limit} ${currency} per ${status.period} and this cart is in ${cartCurrency}; ` +
      `it cannot be checked against the limit: check out in ${currency}, or ask your company's admin`
    )
  }
  const after = MathBN.add(status.spent, cart.total)
  if (MathBN.lte(after, status.limit)) {
    return null
  }
  return (
    `spending_limit: this cart of ${MathBN.convert(cart.total).toString()} ${currency} would exceed your spending limit of ${status.limit} ${currency} per ${status.period}: ` +
    `spent ${when} ${status.spent} ${currency}, remaining ${status.remaining} ${currency}`
  )
}
