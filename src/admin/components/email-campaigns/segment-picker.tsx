import { useState } from "react"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { useSegmentSearch, useSegmentsById } from "../../hooks/use-email-campaigns"
import { MultiSelectPicker } from "../common/multi-select-picker"

/** Picks the campaign's target segment from /admin/segments (searched by name, with member counts). */
export const SegmentPicker = ({
  id,
  value,
  onChange,
  invalid,
}: {
  id: string
  value: string
  onChange: (segmentId: string) => void
  invalid?: boolean
}) => {
  const [term, setTerm] = useState("")
  const search = useSegmentSearch(useDebouncedValue(term))
  const chosen = useSegmentsById(value ? [value] : [])
  const options = search.data ?? []
  return (
    <MultiSelectPicker
      id={id}
      label="Segment"
      value={value ? [value] : []}
      onChange={(ids) => onChange(ids[0] ?? "")}
      options={options}
      search={term}
      onSearchChange={setTerm}
      isLoading={search.isFetching}
      error={search.error}
      nameOf={(segmentId) => chosen.data?.get(segmentId)?.name ?? options.find((o) => o.value === segmentId)?.label}
      addLabel="Choose a segment"
      emptyText="No segment is named like that."
      single
      invalid={invalid}
    />
  )
}
