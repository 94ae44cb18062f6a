import { Plus, XMarkMini } from "@medusajs/icons"
import { Button, DropdownMenu, IconButton, Label } from "@medusajs/ui"
import { useState } from "react"
import { inputLabel } from "../../lib/segment-labels"
import type { NodeIssue } from "../../lib/segment-tree"
import type { FieldDescription } from "../../lib/segment-types"
import { ConditionInput, type ConditionInputContext } from "./condition-input"

type FieldInput = FieldDescription["inputs"][number]

/**
 * What was bought: products, variants, SKUs, collections, categories or tags (any of them counts).
 * Only the kinds in use are shown; the merchant adds another kind from the menu.
 */
export const ProductTargets = ({
  idPrefix,
  field,
  inputs,
  values,
  onChange,
  issues,
  context,
}: {
  idPrefix: string
  field: FieldDescription
  inputs: FieldInput[]
  values: Record<string, unknown>
  onChange: (name: string, value: unknown) => void
  issues: NodeIssue[]
  context: ConditionInputContext
}) => {
  const inUse = inputs.filter((input) => Array.isArray(values[input.name]) && (values[input.name] as unknown[]).length)
  const [shown, setShown] = useState<string[]>(() => (inUse.length ? inUse.map((input) => input.name) : [inputs[0]?.name]))
  const visible = inputs.filter((input) => shown.includes(input.name) || inUse.includes(input))
  const hidden = inputs.filter((input) => !visible.includes(input))

  const hide = (name: string) => {
    setShown((current) => current.filter((shownName) => shownName !== name))
    onChange(name, [])
  }

  return (
    <div className="flex flex-col gap-y-2">
      {visible.map((input) => {
        const id = `${idPrefix}-${input.name}`
        return (
          <div key={input.name} className="flex items-start gap-x-2">
            <Label htmlFor={id} size="xsmall" weight="plus" className="text-ui-fg-subtle w-[88px] shrink-0 pt-1.5">
              {inputLabel(field.field, input.name)}
            </Label>
            <div className="min-w-0 flex-1">
              <ConditionInput
                id={id}
                field={field}
                input={input}
                value={values[input.name]}
                onChange={(value) => onChange(input.name, value)}
                op={undefined}
                invalid={issues.some((issue) => issue.input === input.name || !issue.input)}
                context={context}
              />
            </div>
            {visible.length > 1 && (
              <IconButton
                size="small"
                variant="transparent"
                type="button"
                aria-label={`Remove ${inputLabel(field.field, input.name)}`}
                onClick={() => hide(input.name)}
              >
                <XMarkMini />
              </IconButton>
            )}
          </div>
        )
      })}
      {hidden.length > 0 && (
        <DropdownMenu>
          <DropdownMenu.Trigger asChild>
            <Button size="small" variant="transparent" type="button" className="self-start">
              <Plus />
              Or bought from…
            </Button>
          </DropdownMenu.Trigger>
          <DropdownMenu.Content align="start">
            {hidden.map((input) => (
              <DropdownMenu.Item key={input.name} onClick={() => setShown((current) => [...current, input.name])}>
                {inputLabel(field.field, input.name)}
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Content>
        </DropdownMenu>
      )}
    </div>
  )
}
