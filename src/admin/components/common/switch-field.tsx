import { Label, Switch, Text } from "@medusajs/ui"

/** A yes/no setting: a switch with its label and what it means. */
export const SwitchField = ({
  id,
  label,
  hint,
  checked,
  onCheckedChange,
}: {
  id: string
  label: string
  hint?: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
}) => (
  <div className="flex items-start justify-between gap-x-4">
    <div className="flex flex-col">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      {hint && (
        <Text size="small" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
    <Switch id={id} checked={checked} onCheckedChange={onCheckedChange} />
  </div>
)
