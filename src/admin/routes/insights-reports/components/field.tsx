import { Input, Label, Select } from "@medusajs/ui"

/** A labelled select of a report's controls. */
export const SelectField = ({
  id,
  label,
  value,
  options,
  onChange,
  width = "w-[140px]",
}: {
  id: string
  label: string
  value: string
  options: { value: string; label: string }[]
  onChange: (value: string) => void
  width?: string
}) => (
  <div className={`flex flex-col gap-y-1 ${width}`}>
    <Label htmlFor={id} size="xsmall" weight="plus">
      {label}
    </Label>
    <Select size="small" value={value} onValueChange={onChange}>
      <Select.Trigger id={id}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {options.map((option) => (
          <Select.Item key={option.value} value={option.value}>
            {option.label}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

/** A labelled text or month input of a report's controls. */
export const InputField = ({
  id,
  label,
  value,
  onChange,
  type = "text",
  min,
  max,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  type?: string
  min?: string
  max?: string
}) => (
  <div className="flex flex-col gap-y-1">
    <Label htmlFor={id} size="xsmall" weight="plus">
      {label}
    </Label>
    <Input id={id} size="small" type={type} value={value} min={min} max={max} onChange={(e) => onChange(e.target.value)} />
  </div>
)

/** The currency picker of reports with amounts: amounts are shown one currency at a time. */
export const CurrencyField = ({ id, currencies, value, onChange }: { id: string; currencies: string[]; value: string; onChange: (value: string) => void }) =>
  currencies.length ? (
    <SelectField id={id} label="Currency" value={value} onChange={onChange} width="w-[110px]" options={currencies.map((c) => ({ value: c, label: c.toUpperCase() }))} />
  ) : null
