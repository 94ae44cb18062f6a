import { Select } from "@medusajs/ui"
import type { NamedEntity } from "../../lib/types"

/** Radix Select reserves "" for "no value", so "no limit" needs a value of its own. */
const ANY = "__any__"

/**
 * Picks one of a list of named entities (a region, a sales channel, a customer group) or none.
 * An id that is not in the list (deleted, or beyond the first page) stays selectable under its id.
 */
export const ScopeSelect = ({
  id,
  value,
  onChange,
  options,
  anyLabel,
}: {
  id: string
  value: string | null
  onChange: (value: string | null) => void
  options: NamedEntity[]
  anyLabel: string
}) => {
  const known = options.some((option) => option.id === value)
  return (
    <Select value={value ?? ANY} onValueChange={(next) => onChange(next === ANY ? null : next)}>
      <Select.Trigger id={id}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ANY}>{anyLabel}</Select.Item>
        {value && !known && <Select.Item value={value}>{value}</Select.Item>}
        {options.map((option) => (
          <Select.Item key={option.id} value={option.id}>
            {option.name || option.id}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
