export { Segment } from "./segment"
export { SegmentMembership } from "./segment-membership"
