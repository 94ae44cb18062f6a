import { Input, clx } from "@medusajs/ui"

/** A small number input; the value stays as typed (the server names it if it is not a number). */
export const NumberField = ({
  id,
  label,
  value,
  onChange,
  step,
  min,
  placeholder,
  invalid = false,
  className,
}: {
  id?: string
  label: string
  value: string
  onChange: (value: string) => void
  step?: string
  min?: string
  placeholder?: string
  invalid?: boolean
  className?: string
}) => (
  <Input
    id={id}
    size="small"
    type="number"
    inputMode="decimal"
    aria-label={label}
    aria-invalid={invalid || undefined}
    step={step}
    min={min}
    placeholder={placeholder}
    value={value}
    onChange={(event) => onChange(event.target.value)}
    className={clx("w-[110px]", className)}
  />
)
