/** One field list for the list and the retrieve of segments. */
export const ADMIN_SEGMENT_FIELDS = [
  "id",
  "name",
  "description",
  "definition",
  "is_live",
  "depends_on_time",
  "customer_group_id",
  "store_visible",
  "member_count",
  "definition_version",
  "membership_version",
  "last_refreshed_at",
  "created_at",
  "updated_at",
]

export const retrieveSegmentQueryConfig = { defaults: ADMIN_SEGMENT_FIELDS, isList: false }

export const listSegmentsQueryConfig = { ...retrieveSegmentQueryConfig, defaultLimit: 20, isList: true }
