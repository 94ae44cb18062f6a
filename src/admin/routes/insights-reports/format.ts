/** Display helpers of the reports page (figures are computed by the server; these only format them). */

export const formatCount = (n: number) => new Intl.NumberFormat().format(n)

export const formatPercent = (rate: number | null) =>
  rate === null ? "–" : new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 }).format(rate)

export function formatMoney(amount: string | number, currency: string | null) {
  const value = Number(amount)
  return currency
    ? new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(value)
    : new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(value)
}

/** "2026-03" → "Mar 2026". */
export const monthName = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, { year: "numeric", month: "short", timeZone: "UTC" })

/** The currencies present in a list of rows, sorted. */
export const currenciesOf = (codes: (string | null | undefined)[]) => [...new Set(codes.filter((c): c is string => !!c))].sort()

export const SERIES_COLORS = [
  "var(--tag-blue-icon)",
  "var(--tag-green-icon)",
  "var(--tag-orange-icon)",
  "var(--tag-purple-icon)",
  "var(--tag-red-icon)",
  "var(--tag-neutral-icon)",
]
