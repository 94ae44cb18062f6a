import { Trash } from "@medusajs/icons"
import { IconButton, Label, Text, clx } from "@medusajs/ui"
import { inputLabel, opLabel } from "../../lib/segment-labels"
import { isInputShown, isListKind, newCondition, PRODUCT_TARGET_INPUTS, type DraftCondition, type NodeIssue } from "../../lib/segment-tree"
import type { FieldDescription } from "../../lib/segment-types"
import { ConditionInput, type ConditionInputContext } from "./condition-input"
import { FieldSelect } from "./field-select"
import { NegateToggle } from "./negate-toggle"
import { NodeIssues } from "./node-issues"
import { OptionSelect } from "./option-select"
import { ProductTargets } from "./product-targets"

type FieldInput = FieldDescription["inputs"][number]

/** Inputs under the condition's first line, each with its label: lists, pickers and the purchase window. */
const BELOW = new Set(["window", "min_quantity", "min_orders", "days_per_unit"])
const isBelow = (input: FieldInput) => BELOW.has(input.name) || isListKind(input.kind) || input.kind.endsWith("_id")
/** Inputs that qualify the field and read before the operator: "spent in EUR is at least", "Recency score is". */
const isBeforeOp = (input: FieldInput) => (input.kind === "enum" && input.name !== "unit") || input.kind === "currency" || input.kind === "string"

/**
 * One condition of the tree: the field, its operator and the inputs the operator takes, the NOT
 * switch, and the server's objections to it. Changing the field starts the condition afresh.
 */
export const ConditionEditor = ({
  condition,
  fields,
  onChange,
  onRemove,
  issues,
  context,
  defaultCurrency,
}: {
  condition: DraftCondition
  fields: FieldDescription[]
  onChange: (condition: DraftCondition) => void
  onRemove: () => void
  issues: NodeIssue[]
  context: ConditionInputContext
  defaultCurrency?: string
}) => {
  const field = fields.find((candidate) => candidate.field === condition.field)
  const op = typeof condition.values.op === "string" ? condition.values.op : undefined
  const setValue = (name: string, value: unknown) =>
    onChange({ ...condition, pristine: false, values: { ...condition.values, [name]: value } })
  const errors = issues.filter((issue) => !issue.soft)
  const invalid = (input: FieldInput) => errors.some((issue) => issue.input === input.name)
  const idPrefix = `condition-${condition.id}`

  const shown = field ? field.inputs.filter((input) => isInputShown(field, input, op)) : []
  const targets = shown.filter((input) => PRODUCT_TARGET_INPUTS.includes(input.name))
  const below = shown.filter((input) => !targets.includes(input) && isBelow(input))
  const beforeOp = shown.filter((input) => !below.includes(input) && !targets.includes(input) && isBeforeOp(input))
  const afterOp = shown.filter((input) => !below.includes(input) && !targets.includes(input) && !beforeOp.includes(input))
  const isDate = !!field?.ops.includes("within_last")

  const inline = (input: FieldInput) =>
    field && (
      <ConditionInput
        key={input.name}
        id={`${idPrefix}-${input.name}`}
        field={field}
        input={input}
        value={condition.values[input.name]}
        onChange={(value) => setValue(input.name, value)}
        op={op}
        invalid={invalid(input)}
        context={context}
      />
    )

  return (
    <div
      className={clx(
        "bg-ui-bg-base shadow-elevation-card-rest flex flex-col gap-y-2 rounded-lg p-3",
        condition.negated && "border-l-ui-tag-red-icon border-l-4",
        errors.length > 0 && "ring-ui-border-error ring-1"
      )}
      aria-label={`Condition: ${field?.label ?? condition.field}`}
      role="group"
    >
      <div className="flex items-start gap-x-2">
        <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">
          {condition.negated && (
            <Text size="xsmall" weight="plus" className="text-ui-tag-red-text font-mono">
              NOT
            </Text>
          )}
          {field ? (
            <FieldSelect value={condition.field} fields={fields} onChange={(next) => onChange({ ...newCondition(next, { currency: defaultCurrency }), id: condition.id, negated: condition.negated })} />
          ) : (
            <Text size="small" className="text-ui-fg-error">
              Unknown field “{condition.field}” (kept as saved)
            </Text>
          )}
          {beforeOp.map(inline)}
          {field && field.ops.length > 0 && (
            <OptionSelect
              label="Operator"
              value={op ?? ""}
              onChange={(next) => setValue("op", next)}
              options={field.ops.map((candidate) => ({ value: candidate, label: opLabel(candidate, isDate) }))}
              invalid={errors.some((issue) => issue.input === "op")}
              className="w-[170px]"
            />
          )}
          {afterOp.map(inline)}
          {op === "more_than_ago" && (
            <Text size="small" className="text-ui-fg-subtle">
              ago
            </Text>
          )}
        </div>
        <div className="flex shrink-0 items-center gap-x-1">
          <NegateToggle negated={condition.negated} onChange={(negated) => onChange({ ...condition, negated })} what="condition" />
          <IconButton size="small" variant="transparent" type="button" aria-label="Remove condition" onClick={onRemove}>
            <Trash />
          </IconButton>
        </div>
      </div>
      {field && targets.length > 0 && (
        <ProductTargets
          idPrefix={idPrefix}
          field={field}
          inputs={targets}
          values={condition.values}
          onChange={setValue}
          issues={errors.filter((issue) => !issue.input || PRODUCT_TARGET_INPUTS.includes(issue.input))}
          context={context}
        />
      )}
      {field &&
        below.map((input) => {
          const id = `${idPrefix}-${input.name}`
          return (
            <div key={input.name} className="flex items-start gap-x-2">
              <Label htmlFor={id} size="xsmall" weight="plus" className="text-ui-fg-subtle w-[88px] shrink-0 pt-1.5">
                {inputLabel(field.field, input.name)}
              </Label>
              <div className="min-w-0 flex-1">{inline(input)}</div>
            </div>
          )
        })}
      <NodeIssues field={condition.field} issues={issues} />
    </div>
  )
}
