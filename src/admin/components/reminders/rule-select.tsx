import { Label, Select } from "@medusajs/ui"
import type { ReminderRule } from "./types"

const ALL = "all"

/** Narrows a list or report to one reminder rule (or all of them). */
export const RuleSelect = ({
  id,
  rules,
  value,
  onChange,
}: {
  id: string
  rules: ReminderRule[]
  value: string | undefined
  onChange: (value: string | undefined) => void
}) => (
  <div className="flex w-[200px] flex-col gap-y-1">
    <Label htmlFor={id} size="xsmall" weight="plus">
      Rule
    </Label>
    <Select size="small" value={value ?? ALL} onValueChange={(next) => onChange(next === ALL ? undefined : next)}>
      <Select.Trigger id={id}>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        <Select.Item value={ALL}>All rules</Select.Item>
        {rules.map((rule) => (
          <Select.Item key={rule.id} value={rule.id}>
            {rule.title ?? rule.product_id}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)
