import { Select } from "@medusajs/ui"

/** The value of the filter's "All statuses" choice. */
export const ALL_STATUSES = "all"

/** A list page's status filter: "All statuses" or one status, labelled by `label`. */
export function StatusFilter<S extends string>({
  value,
  statuses,
  label,
  onChange,
  width = "w-[160px]",
}: {
  value: string
  statuses: readonly S[]
  label: (status: S) => string
  onChange: (value: string) => void
  width?: string
}) {
  return (
    <div className={width}>
      <Select size="small" value={value} onValueChange={onChange}>
        <Select.Trigger aria-label="Filter by status">
          <Select.Value />
        </Select.Trigger>
        <Select.Content>
          <Select.Item value={ALL_STATUSES}>All statuses</Select.Item>
          {statuses.map((s) => (
            <Select.Item key={s} value={s}>
              {label(s)}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
