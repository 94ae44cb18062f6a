import { Input } from "@medusajs/ui"
import type { ScalarDraft } from "../../lib/segment-tree"
import { OptionSelect } from "./option-select"

const TYPES = [
  { value: "text", label: "as text" },
  { value: "number", label: "as number" },
  { value: "boolean", label: "as yes/no" },
]

/**
 * A metadata value and how to compare it: `"2"` and `2` are different values in a customer's
 * metadata, so the merchant says which one is meant. Greater/less than compare numbers only.
 */
export const ScalarInput = ({
  id,
  label,
  value,
  onChange,
  op,
  invalid = false,
}: {
  id?: string
  label: string
  value: ScalarDraft
  onChange: (value: ScalarDraft) => void
  op: string | undefined
  invalid?: boolean
}) => {
  const numeric = ["gt", "gte", "lt", "lte"].includes(op ?? "")
  const textual = op === "contains"
  const as = numeric ? "number" : textual ? "text" : value.as
  const set = (patch: Partial<ScalarDraft>) => onChange({ ...value, as, ...patch })
  return (
    <div className="flex items-center gap-2">
      {as === "boolean" ? (
        <OptionSelect
          id={id}
          label={label}
          value={value.text === "false" ? "false" : "true"}
          onChange={(text) => set({ text })}
          options={[
            { value: "true", label: "true" },
            { value: "false", label: "false" },
          ]}
          className="w-[100px]"
        />
      ) : (
        <Input
          id={id}
          size="small"
          aria-label={label}
          aria-invalid={invalid || undefined}
          type={as === "number" ? "number" : "text"}
          value={value.text}
          onChange={(event) => set({ text: event.target.value })}
          className="w-[160px]"
        />
      )}
      {!numeric && !textual && (
        <OptionSelect label={`${label}: compare`} value={as} onChange={(next) => set({ as: next as ScalarDraft["as"] })} options={TYPES} className="w-[120px]" />
      )}
    </div>
  )
}
