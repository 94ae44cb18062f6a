import { DatePicker } from "@medusajs/ui"

/** "2026-01-31" → that day at local midnight (what the picker shows). */
function toDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null
}

/** A picked day → "2026-01-31", from its local date (not UTC, which would shift it a day east of Greenwich). */
function toIsoDay(date: Date | null): string {
  if (!date) {
    return ""
  }
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** A calendar day for a condition, kept as the ISO day the condition language takes. */
export const DateField = ({
  id,
  label,
  value,
  onChange,
  invalid = false,
}: {
  id?: string
  label: string
  value: string
  onChange: (value: string) => void
  invalid?: boolean
}) => (
  <div className="w-[170px]">
    <DatePicker
      id={id}
      size="small"
      aria-label={label}
      value={toDate(value)}
      onChange={(date) => onChange(toIsoDay(date))}
      isInvalid={invalid}
    />
  </div>
)
