import { ArrowDownMini, ArrowUpMini, Trash } from "@medusajs/icons"
import { Badge, IconButton, Input, Label, Select, Text } from "@medusajs/ui"
import { ConditionTreeField } from "../../../components/segments/condition-tree-field"
import { describeStep } from "../lib/describe"
import type { AutomationStep } from "../lib/types"

const STEP_LABELS: Record<AutomationStep["type"], string> = {
  wait: "Wait",
  send_email: "Send e-mail",
  issue_promotion: "Promotion code",
  adjust_points: "Points",
  add_to_group: "Customer group",
  split: "Conditional split",
  end: "End",
}

const numberOr = (value: string) => (value === "" ? 0 : Number(value))

/** A split's condition, edited like a segment: customers who match take "yes". */
const ConditionField = ({ condition, onChange }: { condition: Record<string, unknown>; onChange: (c: Record<string, unknown>) => void }) => (
  <div className="col-span-2 flex flex-col gap-y-1">
    <Label size="xsmall">Condition: customers who match take “yes”</Label>
    {/* An emptied tree stays an empty group, so saving names the split that needs a condition. */}
    <ConditionTreeField value={condition} onChange={(definition) => onChange(definition ?? { and: [] })} />
  </div>
)

/** One step of the flow: its kind, its fields, and buttons to move it up or down or remove it. */
export const StepCard = ({
  index,
  step,
  error,
  onChange,
  onMove,
  onRemove,
}: {
  index: number
  step: AutomationStep
  error?: string
  onChange: (step: AutomationStep) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}) => (
  <div className={`bg-ui-bg-base shadow-elevation-card-rest rounded-lg p-4 ${step.type === "wait" || step.type === "end" ? "border-ui-border-strong border-dashed border" : ""}`}>
    <div className="mb-3 flex items-center justify-between">
      <div className="flex items-center gap-x-2">
        <Badge size="2xsmall">{index + 1}</Badge>
        <Text size="small" weight="plus">
          {STEP_LABELS[step.type]}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {describeStep(step)}
        </Text>
      </div>
      <div className="flex gap-x-1">
        <IconButton size="small" variant="transparent" onClick={() => onMove(-1)} aria-label="Move up">
          <ArrowUpMini />
        </IconButton>
        <IconButton size="small" variant="transparent" onClick={() => onMove(1)} aria-label="Move down">
          <ArrowDownMini />
        </IconButton>
        <IconButton size="small" variant="transparent" onClick={onRemove} aria-label="Remove step">
          <Trash />
        </IconButton>
      </div>
    </div>
    <div className="grid grid-cols-2 gap-3">
      {step.type === "wait" ? (
        <>
          <div>
            <Label size="xsmall">Amount</Label>
            <Input size="small" type="number" min={1} value={step.amount} onChange={(e) => onChange({ ...step, amount: numberOr(e.target.value) })} />
          </div>
          <div>
            <Label size="xsmall">Unit</Label>
            <Select size="small" value={step.unit} onValueChange={(unit) => onChange({ ...step, unit: unit as "hours" | "days" })}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="hours">hours</Select.Item>
                <Select.Item value="days">days</Select.Item>
              </Select.Content>
            </Select>
          </div>
        </>
      ) : step.type === "send_email" ? (
        <>
          <div>
            <Label size="xsmall">Template</Label>
            <Input size="small" value={step.template} onChange={(e) => onChange({ ...step, template: e.target.value })} />
          </div>
          <div>
            <Label size="xsmall">Subject (optional)</Label>
            <Input size="small" value={step.subject ?? ""} onChange={(e) => onChange({ ...step, subject: e.target.value || undefined })} />
          </div>
        </>
      ) : step.type === "issue_promotion" ? (
        <>
          <div>
            <Label size="xsmall">Percent off the order</Label>
            <Input
              size="small"
              type="number"
              value={step.percentage ?? ""}
              onChange={(e) => onChange({ ...step, percentage: e.target.value === "" ? undefined : Number(e.target.value) })}
            />
          </div>
          <div>
            <Label size="xsmall">…or an amount and currency</Label>
            <div className="flex gap-x-2">
              <Input
                size="small"
                type="number"
                value={step.amount ?? ""}
                onChange={(e) => onChange({ ...step, amount: e.target.value === "" ? undefined : Number(e.target.value) })}
              />
              <Input size="small" placeholder="eur" value={step.currency_code ?? ""} onChange={(e) => onChange({ ...step, currency_code: e.target.value || undefined })} />
            </div>
          </div>
        </>
      ) : step.type === "adjust_points" ? (
        <>
          <div>
            <Label size="xsmall">Points (negative takes points)</Label>
            <Input size="small" type="number" value={step.points} onChange={(e) => onChange({ ...step, points: numberOr(e.target.value) })} />
          </div>
          <div>
            <Label size="xsmall">Reason</Label>
            <Input size="small" value={step.reason ?? ""} onChange={(e) => onChange({ ...step, reason: e.target.value || undefined })} />
          </div>
        </>
      ) : step.type === "split" ? (
        <ConditionField condition={step.condition} onChange={(condition) => onChange({ ...step, condition })} />
      ) : step.type === "end" ? (
        <Text size="small" className="text-ui-fg-subtle col-span-2">
          The journey is completed here; the steps after this branch's split are not run.
        </Text>
      ) : (
        <div className="col-span-2">
          <Label size="xsmall">Customer group id</Label>
          <Input size="small" value={step.customer_group_id} onChange={(e) => onChange({ ...step, customer_group_id: e.target.value })} />
        </div>
      )}
    </div>
    {error ? (
      <Text size="small" className="text-ui-fg-error mt-2">
        {error}
      </Text>
    ) : null}
  </div>
)
