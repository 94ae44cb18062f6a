import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE } from "../../../../../modules/segments"
import type SegmentsModuleService from "../../../../../modules/segments/service"
import { refetchSegment } from "../../helpers"
import type { AdminSegmentMembersParamsType } from "../../validators"

/** A page of a segment's members with their facts; `after` is the last customer id of the previous page. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminSegmentMembersParamsType>, res: MedusaResponse) => {
  const segment = await refetchSegment(req.scope, req.params.id, ["id", "member_count"])
  const { limit, after } = req.validatedQuery
  const members = await req.scope.resolve<SegmentsModuleService>(SEGMENTS_MODULE).listMembers({ segment_id: segment.id, limit, after })
  res.json({
    members,
    count: segment.member_count,
    limit,
    next: members.length === limit ? members[members.length - 1].customer_id : null,
  })
}
