import type { Decimal } from "./segment-types"

const countFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

/** 12345 → "12,345" (in the browser's locale). */
export function formatCount(count: number): string {
  return countFormat.format(count)
}

/**
 * An amount in a currency ("€1,234.50"). The decimal arrives as text from Postgres and is only
 * shown, never summed, so reading it as a JS number for the formatter loses nothing that is seen.
 */
export function formatMoney(amount: Decimal | null | undefined, currencyCode: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") {
    return "—"
  }
  const value = Number(amount)
  if (!currencyCode) {
    return countFormat.format(value)
  }
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(value)
  } catch {
    return `${value} ${currencyCode.toUpperCase()}`
  }
}

/** A customer's name, else their e-mail, else their id. */
export function customerLabel(customer: { first_name?: string | null; last_name?: string | null; email?: string | null; customer_id: string }): string {
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  return name || customer.email || customer.customer_id
}

/** How long ago a moment was, in words ("3 minutes ago"), for "last refreshed". */
export function formatRelative(value: string | null | undefined, now = Date.now()): string {
  if (!value) {
    return "never"
  }
  const seconds = Math.round((new Date(value).getTime() - now) / 1000)
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" })
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ]
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) {
      return format.format(Math.round(seconds / size), unit)
    }
  }
  return format.format(seconds, "second")
}
