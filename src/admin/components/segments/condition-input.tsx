import { Input } from "@medusajs/ui"
import { isLookupKind } from "../../hooks/use-segment-lookups"
import { inputLabel, optionLabel } from "../../lib/segment-labels"
import type { ScalarDraft, WindowDraft } from "../../lib/segment-tree"
import type { FieldDescription } from "../../lib/segment-types"
import { TagInput } from "../common/tag-input"
import { CountriesPicker } from "./countries-picker"
import { CurrencySelect } from "./currency-select"
import { DateField } from "./date-field"
import { LookupPicker } from "./lookup-picker"
import { NumberField } from "./number-field"
import { OptionSelect } from "./option-select"
import { ScalarInput } from "./scalar-input"
import { VariantPicker } from "./variant-picker"
import { WindowInput } from "./window-input"

type FieldInput = FieldDescription["inputs"][number]

/** What an input may need beyond its own value. */
export type ConditionInputContext = {
  countryLists: Record<string, string[]>
  /** The segment being edited: it cannot be picked in a "member of segment" condition. */
  segmentId?: string
  timeUnits: readonly string[]
}

const BOOLEAN_LABELS: Record<string, [string, string]> = {
  has_account: ["Yes", "No"],
  consent: ["given", "not given"],
}

const asList = (value: unknown) => (Array.isArray(value) ? value.map(String) : [])
const asText = (value: unknown) => (typeof value === "string" ? value : "")

/** The editor of one input of a condition, chosen by the input's kind in the field catalogue. */
export const ConditionInput = ({
  id,
  field,
  input,
  value,
  onChange,
  op,
  invalid,
  context,
}: {
  id: string
  field: FieldDescription
  input: FieldInput
  value: unknown
  onChange: (value: unknown) => void
  op: string | undefined
  invalid: boolean
  context: ConditionInputContext
}) => {
  const label = inputLabel(field.field, input.name)
  const common = { id, label, invalid }
  const kind = input.kind

  if (kind === "segment_id") {
    return (
      <LookupPicker
        id={id}
        kind="segment_id"
        label={label}
        value={asText(value) ? [asText(value)] : []}
        onChange={(next) => onChange(next[0] ?? "")}
        single
        exclude={context.segmentId ? [context.segmentId] : []}
        invalid={invalid}
      />
    )
  }
  if (isLookupKind(kind)) {
    return <LookupPicker id={id} kind={kind} label={label} value={asList(value)} onChange={onChange} invalid={invalid} />
  }
  switch (kind) {
    case "variant_ids":
      return <VariantPicker id={id} label={label} value={asList(value)} onChange={onChange} invalid={invalid} />
    case "countries":
      return <CountriesPicker id={id} label={label} value={asList(value)} onChange={onChange} countryLists={context.countryLists} invalid={invalid} />
    case "strings":
      return <TagInput id={id} label={label} value={asList(value)} onChange={onChange} placeholder="Type and press Enter" invalid={invalid} />
    case "date":
      return <DateField {...common} value={asText(value)} onChange={onChange} />
    case "integer":
      return (
        <NumberField
          {...common}
          value={asText(value)}
          onChange={onChange}
          step="1"
          min="1"
          placeholder={input.name.startsWith("min_") ? "any" : undefined}
          className={input.name === "amount" ? "w-[80px]" : undefined}
        />
      )
    case "number":
      return <NumberField {...common} value={asText(value)} onChange={onChange} step="any" />
    case "currency":
      return <CurrencySelect {...common} value={asText(value)} onChange={onChange} />
    case "enum":
      return (
        <OptionSelect
          {...common}
          value={asText(value)}
          onChange={onChange}
          options={(input.options ?? []).map((option) => ({ value: option, label: optionLabel(option) }))}
          className={input.name === "unit" ? "w-[110px]" : "w-[170px]"}
        />
      )
    case "boolean": {
      const [yes, no] = BOOLEAN_LABELS[field.field] ?? ["Yes", "No"]
      return (
        <OptionSelect
          {...common}
          value={value === false ? "false" : "true"}
          onChange={(next) => onChange(next === "true")}
          options={[
            { value: "true", label: yes },
            { value: "false", label: no },
          ]}
          className="w-[120px]"
        />
      )
    }
    case "scalar":
      return <ScalarInput {...common} value={value as ScalarDraft} onChange={onChange} op={op} />
    case "window":
      return <WindowInput {...common} value={value as WindowDraft} onChange={onChange} units={context.timeUnits} />
    default:
      return (
        <Input
          id={id}
          size="small"
          aria-label={label}
          aria-invalid={invalid || undefined}
          value={asText(value)}
          onChange={(event) => onChange(event.target.value)}
          className="w-[180px]"
        />
      )
  }
}
