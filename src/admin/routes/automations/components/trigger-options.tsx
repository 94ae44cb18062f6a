import { Input, Select } from "@medusajs/ui"
import type { AutomationTrigger } from "../lib/types"

/** Any of a select's values, including "leave it open". */
const ANY = "any"

/** The options of the chosen trigger, beside the trigger picker. */
export function TriggerOptions({ trigger, onChange }: { trigger: AutomationTrigger; onChange: (t: AutomationTrigger) => void }) {
  switch (trigger.type) {
    case "cart_abandoned":
    case "viewed_not_bought":
      return <Input type="number" min={1} value={trigger.hours} onChange={(e) => onChange({ ...trigger, hours: Number(e.target.value) })} aria-label="Hours" />
    case "win_back":
    case "points_expiring":
      return <Input type="number" min={1} value={trigger.days} onChange={(e) => onChange({ ...trigger, days: Number(e.target.value) })} aria-label="Days" />
    case "segment_entered":
    case "segment_exited":
      return <Input placeholder="Segment id" value={trigger.segment_id} onChange={(e) => onChange({ ...trigger, segment_id: e.target.value })} />
    case "order_placed":
      return <Input type="number" min={1} value={trigger.nth} onChange={(e) => onChange({ ...trigger, nth: Number(e.target.value) })} aria-label="Order number" />
    case "tier_changed":
      return (
        <div className="grid grid-cols-2 gap-2">
          <Input
            placeholder="Into tier id (any)"
            value={trigger.tier_id ?? ""}
            onChange={(e) => onChange({ type: "tier_changed", direction: trigger.direction, ...(e.target.value ? { tier_id: e.target.value } : {}) })}
          />
          <Select
            value={trigger.direction ?? ANY}
            onValueChange={(d) => onChange({ type: "tier_changed", tier_id: trigger.tier_id, ...(d === ANY ? {} : { direction: d as "up" | "down" }) })}
          >
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ANY}>Up or down</Select.Item>
              <Select.Item value="up">Up</Select.Item>
              <Select.Item value="down">Down</Select.Item>
            </Select.Content>
          </Select>
        </div>
      )
    case "anniversary":
      return (
        <div className="grid grid-cols-2 gap-2">
          <Select
            value={trigger.date}
            onValueChange={(d) => onChange(d === "signup" ? { type: "anniversary", date: "signup" } : { type: "anniversary", date: "metadata", metadata_key: "birthday" })}
          >
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value="metadata">Date in metadata</Select.Item>
              <Select.Item value="signup">Sign-up day</Select.Item>
            </Select.Content>
          </Select>
          {trigger.date === "metadata" ? (
            <Input placeholder="Metadata key" value={trigger.metadata_key ?? ""} onChange={(e) => onChange({ ...trigger, metadata_key: e.target.value })} />
          ) : null}
        </div>
      )
    case "referral_converted":
      return (
        <Select value={trigger.side ?? "referrer"} onValueChange={(s) => onChange({ type: "referral_converted", side: s as "referrer" | "referee" })}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="referrer">The referrer enters</Select.Item>
            <Select.Item value="referee">The referee enters</Select.Item>
          </Select.Content>
        </Select>
      )
  }
}
