import { useState } from "react"
import { COUNTRY_CODES, countryListLabel, countryName } from "../../lib/segment-labels"
import type { PickerOption } from "../../lib/segment-types"
import { MultiSelectPicker } from "../common/multi-select-picker"

/**
 * Picks countries and named lists ("Europe", "EU", "DACH"), which the server expands when it
 * compiles; "Europe except France" is this picker with Europe, beside a "none of" France.
 */
export const CountriesPicker = ({
  id,
  label,
  value,
  onChange,
  countryLists,
  invalid = false,
}: {
  id: string
  label: string
  value: string[]
  onChange: (value: string[]) => void
  countryLists: Record<string, string[]>
  invalid?: boolean
}) => {
  const [term, setTerm] = useState("")
  const search = term.trim().toLowerCase()
  const lists: PickerOption[] = Object.entries(countryLists).map(([name, codes]) => ({
    value: name,
    label: countryListLabel(name),
    hint: `${codes.length} countries`,
    group: "Lists",
  }))
  const countries: PickerOption[] = COUNTRY_CODES.map((code) => ({
    value: code,
    label: countryName(code),
    hint: code.toUpperCase(),
    group: "Countries",
  })).sort((a, b) => a.label.localeCompare(b.label))
  const options = [...lists, ...countries].filter(
    (option) => !search || option.label.toLowerCase().includes(search) || option.value.toLowerCase() === search
  )
  const nameOf = (item: string) =>
    item.toUpperCase() in countryLists ? countryListLabel(item.toUpperCase()) : `${countryName(item)} (${item.toUpperCase()})`
  return (
    <MultiSelectPicker
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={options}
      search={term}
      onSearchChange={setTerm}
      nameOf={nameOf}
      emptyText="No country or list matches."
      invalid={invalid}
    />
  )
}
