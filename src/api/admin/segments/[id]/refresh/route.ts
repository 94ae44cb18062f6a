import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshSegmentWorkflow } from "../../../../../workflows/segments/refresh-segment"
import { refetchSegment } from "../../helpers"

/** Recomputes a segment's members now; returns how many entered and exited. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchSegment(req.scope, req.params.id, ["id"])
  const { result } = await refreshSegmentWorkflow(req.scope).run({ input: { segment_id: req.params.id } })
  const [diff] = result.diffs
  res.json({
    segment_id: req.params.id,
    member_count: result.member_count,
    entered: diff?.added.length ?? 0,
    exited: diff?.removed.length ?? 0,
  })
}
