import { useState } from "react"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { useCustomerName, useCustomerSearch } from "../../hooks/use-email-campaigns"
import { MultiSelectPicker } from "../common/multi-select-picker"

/** Picks the customer a preview is rendered for, searched by name or e-mail (/admin/customers?q=). */
export const CustomerPicker = ({ id, value, onChange }: { id: string; value: string | null; onChange: (customerId: string | null) => void }) => {
  const [term, setTerm] = useState("")
  const search = useCustomerSearch(useDebouncedValue(term))
  const chosen = useCustomerName(value)
  const options = search.data ?? []
  return (
    <MultiSelectPicker
      id={id}
      label="Customer"
      value={value ? [value] : []}
      onChange={(ids) => onChange(ids[0] ?? null)}
      options={options}
      search={term}
      onSearchChange={setTerm}
      isLoading={search.isFetching}
      error={search.error}
      nameOf={(customerId) => chosen.data?.label ?? options.find((o) => o.value === customerId)?.label}
      addLabel="Choose a customer"
      emptyText="No customer matches."
      single
    />
  )
}
