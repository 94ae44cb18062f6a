import { useState } from "react"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { useVariantNames, useVariantSearch } from "../../hooks/use-segment-lookups"
import { MultiSelectPicker } from "../common/multi-select-picker"

/** Picks product variants: searches products (title, handle, SKU) and lists their variants under each. */
export const VariantPicker = ({
  id,
  label,
  value,
  onChange,
  invalid = false,
}: {
  id: string
  label: string
  value: string[]
  onChange: (value: string[]) => void
  invalid?: boolean
}) => {
  const [term, setTerm] = useState("")
  const debounced = useDebouncedValue(term)
  const search = useVariantSearch(debounced)
  const names = useVariantNames(value)
  const options = search.data ?? []
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
      emptyText="No products match."
      invalid={invalid}
    />
  )
}
