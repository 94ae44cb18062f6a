import { Input } from "@medusajs/ui"
import { useStoreCurrencies } from "../../hooks/use-segment-lookups"
import { OptionSelect } from "./option-select"

/**
 * The currency a spend condition counts in (amounts are never summed across currencies): one of
 * the store's currencies, or a code typed by hand when the store has none or the code is another.
 */
export const CurrencySelect = ({
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
}) => {
  const { data: currencies = [], isLoading } = useStoreCurrencies()
  const known = currencies.some((currency) => currency.code === value.toLowerCase())
  if (!isLoading && currencies.length && (known || !value)) {
    return (
      <OptionSelect
        id={id}
        label={label}
        value={value.toLowerCase()}
        onChange={onChange}
        options={currencies.map((currency) => ({ value: currency.code, label: currency.code.toUpperCase() }))}
        placeholder="Currency"
        invalid={invalid}
        className="w-[100px]"
      />
    )
  }
  return (
    <Input
      id={id}
      size="small"
      aria-label={label}
      aria-invalid={invalid || undefined}
      placeholder="eur"
      maxLength={3}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      className="w-[80px]"
    />
  )
}
