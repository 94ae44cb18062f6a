/** Events the segments module's workflows emit. */
export const SegmentEvents = {
  /** payload: `{ segment_id, customer_id }`, once per entry. */
  CUSTOMER_ENTERED: "segment.customer_entered",
  /** payload: `{ segment_id, customer_id }`, once per exit. */
  CUSTOMER_EXITED: "segment.customer_exited",
  /** payload: `{ id }`: a segment was created or its definition changed; its membership is recomputed on the worker. */
  DEFINITION_CHANGED: "segment.definition_changed",
} as const
