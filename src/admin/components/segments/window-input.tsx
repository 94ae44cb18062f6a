import type { WindowDraft } from "../../lib/segment-tree"
import { optionLabel } from "../../lib/segment-labels"
import { DateField } from "./date-field"
import { NumberField } from "./number-field"
import { OptionSelect } from "./option-select"

const MODES = [
  { value: "any", label: "at any time" },
  { value: "last", label: "in the last" },
  { value: "range", label: "between dates" },
]

/** When the purchases or orders counted took place: any time, the last N days/weeks/months/years, or between two days. */
export const WindowInput = ({
  id,
  label,
  value,
  onChange,
  units,
  invalid = false,
}: {
  id?: string
  label: string
  value: WindowDraft
  onChange: (value: WindowDraft) => void
  units: readonly string[]
  invalid?: boolean
}) => {
  const set = (patch: Partial<WindowDraft>) => onChange({ ...value, ...patch })
  return (
    <div className="flex flex-wrap items-center gap-2">
      <OptionSelect id={id} label={label} value={value.mode} onChange={(mode) => set({ mode: mode as WindowDraft["mode"] })} options={MODES} invalid={invalid} />
      {value.mode === "last" && (
        <>
          <NumberField label={`${label}: how many`} value={value.amount} onChange={(amount) => set({ amount })} step="1" min="1" invalid={invalid} className="w-[80px]" />
          <OptionSelect
            label={`${label}: unit`}
            value={value.unit}
            onChange={(unit) => set({ unit })}
            options={units.map((unit) => ({ value: unit, label: optionLabel(unit) }))}
            className="w-[110px]"
          />
        </>
      )}
      {value.mode === "range" && (
        <>
          <DateField label={`${label}: from`} value={value.from} onChange={(from) => set({ from })} invalid={invalid} />
          <span className="txt-compact-small text-ui-fg-subtle">and</span>
          <DateField label={`${label}: to`} value={value.to} onChange={(to) => set({ to })} invalid={invalid} />
        </>
      )}
    </div>
  )
}
