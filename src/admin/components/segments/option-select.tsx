import { Select } from "@medusajs/ui"

/** A small select over fixed options (an operator, a unit, a score, yes/no). */
export const OptionSelect = ({
  id,
  label,
  value,
  onChange,
  options,
  placeholder = "Choose",
  invalid = false,
  className = "w-[150px]",
}: {
  id?: string
  label: string
  value: string
  onChange: (value: string) => void
  options: { value: string; label: string }[]
  placeholder?: string
  invalid?: boolean
  className?: string
}) => (
  <Select size="small" value={value || undefined} onValueChange={onChange}>
    <Select.Trigger id={id} aria-label={label} aria-invalid={invalid || undefined} className={className}>
      <Select.Value placeholder={placeholder} />
    </Select.Trigger>
    <Select.Content>
      {options.map((option) => (
        <Select.Item key={option.value} value={option.value}>
          {option.label}
        </Select.Item>
      ))}
    </Select.Content>
  </Select>
)
