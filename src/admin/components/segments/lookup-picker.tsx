import { useState } from "react"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { useLookupNames, useLookupSearch, type LookupKind } from "../../hooks/use-segment-lookups"
import { MultiSelectPicker } from "../common/multi-select-picker"

/**
 * Picks records of one kind (products, collections, categories, tags, customer groups, regions,
 * tiers, segments) by searching them in the admin API; the chips name the ids already chosen.
 * `exclude` hides ids that may not be picked (the segment being edited).
 */
export const LookupPicker = ({
  id,
  kind,
  label,
  value,
  onChange,
  single = false,
  exclude = [],
  invalid = false,
}: {
  id: string
  kind: LookupKind
  label: string
  value: string[]
  onChange: (value: string[]) => void
  single?: boolean
  exclude?: string[]
  invalid?: boolean
}) => {
  const [term, setTerm] = useState("")
  const debounced = useDebouncedValue(term)
  const search = useLookupSearch(kind, debounced)
  const names = useLookupNames(kind, value)
  const options = (search.data ?? []).filter((option) => !exclude.includes(option.value))
  return (
    <MultiSelectPicker
      id={id}
      label={label}
      value={value}
      onChange={onChange}
      options={options}
      search={term}
      onSearchChange={setTerm}
      isLoading={search.isFetching}
      error={search.error}
      nameOf={(item) => names.data?.get(item)?.label ?? options.find((option) => option.value === item)?.label}
      single={single}
      invalid={invalid}
    />
  )
}
