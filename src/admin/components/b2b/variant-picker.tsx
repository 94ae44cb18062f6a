import { useState } from "react"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { useVariantNames, useVariantSearch } from "../../hooks/use-segment-lookups"
import { MultiSelectPicker } from "../common/multi-select-picker"

/** Picks one variant: searches products (title, handle, SKU) and lists their variants under each. */
export const SingleVariantPicker = ({ id, value, onChange }: { id: string; value: string | null; onChange: (variantId: string | null) => void }) => {
  const [term, setTerm] = useState("")
  const search = useVariantSearch(useDebouncedValue(term))
  const names = useVariantNames(value ? [value] : [])
  const options = search.data ?? []
  return (
    <MultiSelectPicker
      id={id}
      label="Variant"
      value={value ? [value] : []}
      onChange={(ids) => onChange(ids[ids.length - 1] ?? null)}
      options={options}
      search={term}
      onSearchChange={setTerm}
      isLoading={search.isFetching}
      error={search.error}
      nameOf={(item) => names.data?.get(item)?.label ?? options.find((o) => o.value === item)?.label}
      addLabel="Choose a variant"
      emptyText="No products match."
      single
    />
  )
}
