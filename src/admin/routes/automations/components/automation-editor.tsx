import { Button, Container, Heading, Input, Label, Select, Switch, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { ConditionTreeField } from "../../../components/segments/condition-tree-field"
import { errorMessage } from "../../../lib/error-message"
import type { Automation, AutomationPayload, AutomationTrigger } from "../lib/types"
import { useSaveAutomation } from "../lib/use-automations"
import { StepList } from "./step-list"
import { TriggerOptions } from "./trigger-options"

const NEW_TRIGGERS: Record<AutomationTrigger["type"], AutomationTrigger> = {
  cart_abandoned: { type: "cart_abandoned", hours: 4 },
  win_back: { type: "win_back", days: 90 },
  segment_entered: { type: "segment_entered", segment_id: "" },
  segment_exited: { type: "segment_exited", segment_id: "" },
  order_placed: { type: "order_placed", nth: 1 },
  tier_changed: { type: "tier_changed", direction: "up" },
  points_expiring: { type: "points_expiring", days: 14 },
  anniversary: { type: "anniversary", date: "metadata", metadata_key: "birthday" },
  viewed_not_bought: { type: "viewed_not_bought", hours: 24 },
  referral_converted: { type: "referral_converted", side: "referrer" },
}

const TRIGGER_LABELS: Record<AutomationTrigger["type"], string> = {
  cart_abandoned: "Cart abandoned",
  win_back: "Win-back (no order for N days)",
  segment_entered: "Entered a segment",
  segment_exited: "Left a segment",
  order_placed: "Nth order placed",
  tier_changed: "Loyalty tier changed",
  points_expiring: "Points about to expire (within N days)",
  anniversary: "Birthday or sign-up anniversary",
  viewed_not_bought: "Viewed but not bought (within N hours)",
  referral_converted: "Referral converted",
}

export const EMPTY_AUTOMATION: AutomationPayload = {
  name: "",
  is_active: false,
  trigger: NEW_TRIGGERS.cart_abandoned,
  conditions: null,
  steps: [{ type: "wait", amount: 1, unit: "hours" }, { type: "send_email", template: "cart-abandoned" }],
  exit_on_order: true,
  reentry: "once",
  reentry_days: null,
  holdout_percent: 0,
  attribution_days: 7,
}

/**
 * The automation editor: the trigger on top, then its steps as a vertical flow (waits dashed,
 * actions solid, splits with their yes / no branches side by side) that can be added, reordered
 * and removed, then who may enter and how it is measured.
 */
export const AutomationEditor = ({ automation, onSaved }: { automation?: Automation; onSaved: (id: string) => void }) => {
  const [form, setForm] = useState<AutomationPayload>(() => (automation ? { ...automation } : EMPTY_AUTOMATION))
  const [conditions, setConditions] = useState<Record<string, unknown> | null>(() => (automation?.conditions as Record<string, unknown> | null) ?? null)
  const [serverError, setServerError] = useState<string | null>(null)
  const save = useSaveAutomation()
  const set = <K extends keyof AutomationPayload>(key: K, value: AutomationPayload[K]) => setForm((f) => ({ ...f, [key]: value }))
  const trigger = form.trigger

  const onSubmit = () => {
    setServerError(null)
    const { reentry_days, ...rest } = form
    const body = { ...rest, conditions, ...(form.reentry === "every_n_days" ? { reentry_days } : {}) }
    save.mutate(
      { id: automation?.id, body },
      {
        onSuccess: ({ automation: saved }) => {
          toast.success("Automation saved")
          onSaved(saved.id)
        },
        onError: (e) => setServerError(errorMessage(e)),
      }
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex items-center justify-between px-6 py-4">
        <div className="flex flex-1 items-center gap-x-4">
          <Input placeholder="Name" value={form.name} onChange={(e) => set("name", e.target.value)} className="max-w-md" />
          <div className="flex items-center gap-x-2">
            <Switch id="active" checked={form.is_active} onCheckedChange={(v) => set("is_active", v)} />
            <Label htmlFor="active" size="small">
              On
            </Label>
          </div>
        </div>
        <Button size="small" onClick={onSubmit} isLoading={save.isPending}>
          Save
        </Button>
      </Container>
      {serverError ? (
        <Container className="px-6 py-3">
          <Text size="small" className="text-ui-fg-error">
            {serverError}
          </Text>
        </Container>
      ) : null}
      <div className="mx-auto flex w-full max-w-2xl flex-col items-stretch gap-y-2">
        <div className="bg-ui-bg-component shadow-elevation-card-rest rounded-lg p-4">
          <Text size="small" weight="plus" className="mb-2">
            Trigger
          </Text>
          <div className="grid grid-cols-2 gap-3">
            <Select value={trigger.type} onValueChange={(t) => set("trigger", NEW_TRIGGERS[t as AutomationTrigger["type"]])}>
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {Object.entries(TRIGGER_LABELS).map(([value, label]) => (
                  <Select.Item key={value} value={value}>
                    {label}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
            <TriggerOptions trigger={trigger} onChange={(t) => set("trigger", t)} />
          </div>
        </div>
        <StepList steps={form.steps} path="steps" error={serverError} onChange={(steps) => set("steps", steps)} />
      </div>
      <Container className="grid grid-cols-2 gap-4 px-6 py-4">
        <Heading level="h2" className="col-span-2">
          Who enters, and how it is measured
        </Heading>
        <div className="col-span-2 flex flex-col gap-y-1">
          <Label size="small">Conditions (as in a segment; none: everyone the trigger finds)</Label>
          <ConditionTreeField value={conditions} onChange={setConditions} />
        </div>
        <div className="flex items-center gap-x-2">
          <Switch id="exit" checked={form.exit_on_order} onCheckedChange={(v) => set("exit_on_order", v)} />
          <Label htmlFor="exit" size="small">
            Exit when the customer places an order
          </Label>
        </div>
        <div className="flex items-center gap-x-2">
          <Select value={form.reentry} onValueChange={(v) => set("reentry", v as AutomationPayload["reentry"])}>
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="once">Enter once ever</Select.Item>
              <Select.Item value="every_n_days">Enter again after N days</Select.Item>
            </Select.Content>
          </Select>
          {form.reentry === "every_n_days" ? (
            <Input type="number" min={1} value={form.reentry_days ?? ""} onChange={(e) => set("reentry_days", Number(e.target.value) || null)} aria-label="Days" />
          ) : null}
        </div>
        <div>
          <Label size="small">Holdout (% of entrants who get no action)</Label>
          <Input type="number" min={0} max={50} value={form.holdout_percent} onChange={(e) => set("holdout_percent", Number(e.target.value))} />
        </div>
        <div>
          <Label size="small">Attribution window (days after entering)</Label>
          <Input type="number" min={1} max={90} value={form.attribution_days} onChange={(e) => set("attribution_days", Number(e.target.value))} />
        </div>
      </Container>
    </div>
  )
}
