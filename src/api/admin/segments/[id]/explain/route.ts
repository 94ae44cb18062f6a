import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SEGMENTS_MODULE } from "../../../../../modules/segments"
import { storedDefinition } from "../../../../../modules/segments/definition/stored-definition"
import type SegmentsModuleService from "../../../../../modules/segments/service"
import { explainSegmentWorkflow } from "../../../../../workflows/segments/explain-segment"
import { refetchSegment } from "../../helpers"
import type { AdminExplainParamsType } from "../../validators"

/** Why a customer is in or out of a saved segment, node by node, and whether the stored membership agrees. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminExplainParamsType>, res: MedusaResponse) => {
  const segment = await refetchSegment(req.scope, req.params.id, ["id", "definition"])
  const { result } = await explainSegmentWorkflow(req.scope).run({
    input: { definition: storedDefinition(segment), customer_id: req.validatedQuery.customer_id, segment_id: segment.id },
  })
  const segments = req.scope.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
  const stored = await segments.listSegmentMemberships({ segment_id: segment.id, customer_id: req.validatedQuery.customer_id }, { select: ["id"] })
  // The stored membership lags the facts by at most one evaluation; explain evaluates now.
  res.json({ explanation: { ...result, stored_member: stored.length > 0 } })
}
