import { Select, Text } from "@medusajs/ui"
import type { AutomationStep } from "../lib/types"
import { StepCard } from "./step-card"

export const NEW_STEPS: Record<AutomationStep["type"], AutomationStep> = {
  wait: { type: "wait", amount: 1, unit: "days" },
  send_email: { type: "send_email", template: "" },
  issue_promotion: { type: "issue_promotion", percentage: 10 },
  adjust_points: { type: "adjust_points", points: 100 },
  add_to_group: { type: "add_to_group", customer_group_id: "" },
  split: { type: "split", condition: { field: "order_count", op: "gte", value: 2 }, yes: [], no: [] },
  end: { type: "end" },
}

const ADD_LABELS: [AutomationStep["type"], string][] = [
  ["wait", "Wait"],
  ["send_email", "Send e-mail"],
  ["issue_promotion", "Issue a single-use promotion code"],
  ["adjust_points", "Add or take points"],
  ["add_to_group", "Add to a customer group"],
  ["split", "Conditional split (yes / no)"],
  ["end", "End the journey"],
]

/** The server's 400 names the field (`steps[1].no[0].template: ...`): the errors of one step, shown at its card. */
const errorAt = (message: string | null, path: string) =>
  message
    ?.split("; ")
    .filter((m) => m.startsWith(`${path}.`) || m.startsWith(`${path}:`))
    .map((m) => m.slice(path.length).replace(/^[.:]\s*/, ""))
    .filter((m) => !/^(yes|no)\[/.test(m))
    .join("; ") || undefined

const Connector = () => <div className="bg-ui-border-strong mx-auto h-4 w-px" />

/**
 * Steps as a vertical flow, each with its card; a split's card is followed by its two branches
 * side by side (each a flow of its own), which meet again below it.
 */
export const StepList = ({
  steps,
  path,
  error,
  onChange,
}: {
  steps: AutomationStep[]
  /** Where this list is in the tree: `steps`, `steps[1].yes`… (the server's error paths). */
  path: string
  error: string | null
  onChange: (steps: AutomationStep[]) => void
}) => {
  const setStep = (index: number, step: AutomationStep) => onChange(steps.map((s, i) => (i === index ? step : s)))
  const moveStep = (index: number, by: -1 | 1) => {
    const to = index + by
    if (to < 0 || to >= steps.length) return
    const next = [...steps]
    ;[next[index], next[to]] = [next[to], next[index]]
    onChange(next)
  }
  return (
    <div className="flex w-full flex-col items-stretch gap-y-2">
      {steps.map((step, i) => {
        const at = `${path}[${i}]`
        return (
          <div key={i} className="flex flex-col items-stretch gap-y-2">
            <Connector />
            <StepCard
              index={i}
              step={step}
              error={errorAt(error, at)}
              onChange={(s) => setStep(i, s)}
              onMove={(by) => moveStep(i, by)}
              onRemove={() => onChange(steps.filter((_, j) => j !== i))}
            />
            {step.type === "split" ? (
              <div className="grid grid-cols-2 gap-x-3">
                {(["yes", "no"] as const).map((branch) => (
                  <div key={branch} className="border-ui-border-base flex flex-col rounded-lg border px-2 pb-2">
                    <Text size="xsmall" weight="plus" className="text-ui-fg-subtle pt-2 text-center">
                      {branch === "yes" ? "Matches: yes" : "Otherwise: no"}
                    </Text>
                    <StepList steps={step[branch]} path={`${at}.${branch}`} error={error} onChange={(b) => setStep(i, { ...step, [branch]: b })} />
                  </div>
                ))}
              </div>
            ) : null}
          </div>
        )
      })}
      <Connector />
      <Select value="" onValueChange={(t) => onChange([...steps, NEW_STEPS[t as AutomationStep["type"]]])}>
        <Select.Trigger>
          <Select.Value placeholder="Add a step…" />
        </Select.Trigger>
        <Select.Content>
          {ADD_LABELS.map(([value, label]) => (
            <Select.Item key={value} value={value}>
              {label}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </div>
  )
}
