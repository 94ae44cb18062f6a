import { Select } from "@medusajs/ui"
import type { FieldDescription } from "../../lib/segment-types"

/** The catalogue's fields by group (Customer, Location, Orders...), in its order. */
export function fieldsByGroup(fields: FieldDescription[]): [string, FieldDescription[]][] {
  const groups = new Map<string, FieldDescription[]>()
  for (const field of fields) {
    groups.set(field.group, [...(groups.get(field.group) ?? []), field])
  }
  return [...groups.entries()]
}

/** Chooses what a condition looks at, grouped as the field catalogue groups them. */
export const FieldSelect = ({
  value,
  onChange,
  fields,
}: {
  value: string
  onChange: (field: FieldDescription) => void
  fields: FieldDescription[]
}) => (
  <Select
    size="small"
    value={value}
    onValueChange={(next) => {
      const field = fields.find((candidate) => candidate.field === next)
      if (field) {
        onChange(field)
      }
    }}
  >
    <Select.Trigger aria-label="Field" className="w-[200px]">
      <Select.Value placeholder="Choose a field" />
    </Select.Trigger>
    <Select.Content>
      {fieldsByGroup(fields).map(([group, groupFields]) => (
        <Select.Group key={group}>
          <Select.Label>{group}</Select.Label>
          {groupFields.map((field) => (
            <Select.Item key={field.field} value={field.field}>
              {field.label}
            </Select.Item>
          ))}
        </Select.Group>
      ))}
    </Select.Content>
  </Select>
)
