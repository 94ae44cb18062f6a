import { Label, Switch, Text } from "@medusajs/ui"

/** A yes/no option of the segment with its explanation; the switch keeps its size beside a long hint. */
export const OptionSwitch = ({
  id,
  label,
  hint,
  checked,
  onCheckedChange,
}: {
  id: string
  label: string
  hint: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
}) => (
  <div className="flex items-start justify-between gap-x-4">
    <div className="flex flex-col">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      <Text size="small" className="text-ui-fg-subtle" id={`${id}-hint`}>
        {hint}
      </Text>
    </div>
    <Switch id={id} className="shrink-0" checked={checked} onCheckedChange={onCheckedChange} aria-describedby={`${id}-hint`} />
  </div>
)
