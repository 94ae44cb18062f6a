import type { AdminSegmentPayload, Segment } from "../../lib/segment-types"

/** How the members are mirrored into a Medusa customer group: not at all, into a new group, or an existing one. */
export type GroupSync = { mode: "none" | "new" | "existing"; groupId: string | null }

/** The segment's settings as the form edits them (the tree is kept apart). */
export type SegmentDetailsDraft = {
  name: string
  description: string
  is_live: boolean
  store_visible: boolean
  group: GroupSync
}

export function toDetailsDraft(segment: Segment | undefined): SegmentDetailsDraft {
  return {
    name: segment?.name ?? "",
    description: segment?.description ?? "",
    is_live: segment?.is_live ?? true,
    store_visible: segment?.store_visible ?? false,
    group: segment?.customer_group_id ? { mode: "existing", groupId: segment.customer_group_id } : { mode: "none", groupId: null },
  }
}

/** The body of a save: the group choice becomes `create_customer_group` or `customer_group_id`. */
export function toPayload(details: SegmentDetailsDraft, definition: unknown): AdminSegmentPayload {
  const group =
    details.group.mode === "new"
      ? { create_customer_group: true }
      : { customer_group_id: details.group.mode === "existing" ? details.group.groupId : null }
  return {
    name: details.name.trim(),
    description: details.description.trim() || null,
    definition,
    is_live: details.is_live,
    store_visible: details.store_visible,
    ...group,
  }
}
