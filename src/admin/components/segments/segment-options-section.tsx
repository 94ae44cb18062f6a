import { Container, Heading, Label, Text } from "@medusajs/ui"
import { FormField } from "../common/form-field"
import { LookupPicker } from "./lookup-picker"
import { OptionSelect } from "./option-select"
import { OptionSwitch } from "./option-switch"
import type { GroupSync, SegmentDetailsDraft } from "./segment-draft"

const GROUP_MODES = [
  { value: "none", label: "Don't sync" },
  { value: "new", label: "To a new group" },
  { value: "existing", label: "To an existing group" },
]

/** Live or paused, visible to storefronts, and the customer group the members are mirrored into. */
export const SegmentOptionsSection = ({
  details,
  onChange,
  error,
}: {
  details: SegmentDetailsDraft
  onChange: (patch: Partial<SegmentDetailsDraft>) => void
  error?: string
}) => {
  const setGroup = (group: GroupSync) => onChange({ group })
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <Heading level="h2">Options</Heading>
      <OptionSwitch
        id="segment-live"
        label="Live"
        hint="Customers enter and leave within seconds of an order, a refund or a profile change. Paused segments keep their members."
        checked={details.is_live}
        onCheckedChange={(is_live) => onChange({ is_live })}
      />
      <OptionSwitch
        id="segment-store-visible"
        label="Visible to the storefront"
        hint="A logged-in customer can ask whether they are a member (GET /store/segments/me)."
        checked={details.store_visible}
        onCheckedChange={(store_visible) => onChange({ store_visible })}
      />
      <FormField
        id="segment-group-mode"
        label="Sync members to a customer group"
        hint="Members are added to and removed from the group, so price lists and promotions follow the segment."
        error={error}
      >
        <OptionSelect
          label="Sync members to a customer group"
          value={details.group.mode}
          onChange={(mode) => setGroup({ mode: mode as GroupSync["mode"], groupId: mode === "existing" ? details.group.groupId : null })}
          options={GROUP_MODES}
          invalid={!!error}
          className="w-full"
        />
      </FormField>
      {details.group.mode === "new" && (
        <Text size="small" className="text-ui-fg-subtle">
          A group named “Segment: {details.name.trim() || "…"}” is created on save and filled with the members.
        </Text>
      )}
      {details.group.mode === "existing" && (
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="segment-group" size="small" weight="plus">
            Customer group
          </Label>
          <LookupPicker
            id="segment-group"
            kind="customer_group_ids"
            label="Customer group"
            value={details.group.groupId ? [details.group.groupId] : []}
            onChange={(ids) => setGroup({ mode: "existing", groupId: ids[0] ?? null })}
            single
            invalid={!!error}
          />
          <Text size="small" className="text-ui-fg-subtle">
            The current members are added to it now; customers already in the group stay in it.
          </Text>
        </div>
      )}
    </Container>
  )
}
