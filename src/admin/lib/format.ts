/** How the loyalty screens print points and dates: the browser's locale, no time zone surprises. */

const pointsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })
const signedPointsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0, signDisplay: "exceptZero" })
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" })
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" })

/** 1234 → "1,234" (in the browser's locale). */
export function formatPoints(points: number): string {
  return pointsFormat.format(points)
}

/** 50 → "+50", -20 → "-20", 0 → "0". */
export function formatSignedPoints(points: number): string {
  return signedPointsFormat.format(points)
}

/** An ISO date as a day, or "—" when there is none. */
export function formatDate(value: string | null | undefined): string {
  return value ? dateFormat.format(new Date(value)) : "—"
}

/** An ISO date as a day and a time, or "—" when there is none. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dateTimeFormat.format(new Date(value)) : "—"
}

/** An ISO date as the value of an `<input type="datetime-local">` (local time), "" when there is none. */
export function toDateTimeLocal(value: string | null | undefined): string {
  if (!value) {
    return ""
  }
  const date = new Date(value)
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 16)
}

/** The value of an `<input type="datetime-local">` as an ISO date, null when empty. */
export function fromDateTimeLocal(value: string): string | null {
  return value ? new Date(value).toISOString() : null
}
