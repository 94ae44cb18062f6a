import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteSegmentsWorkflow } from "../../../../workflows/segments/delete-segments"
import { updateSegmentWorkflow } from "../../../../workflows/segments/update-segment"
import { refetchSegment } from "../helpers"
import type { AdminUpdateSegmentType } from "../validators"

/** Retrieves one segment. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ segment: await refetchSegment(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Updates a segment; a new definition is recomputed on the worker (see `refreshing`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateSegmentType>, res: MedusaResponse) => {
  await updateSegmentWorkflow(req.scope).run({ input: { ...req.validatedBody, id: req.params.id } })
  res.json({ segment: await refetchSegment(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Deletes a segment (refused while another segment refers to it); its customer group stays. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchSegment(req.scope, req.params.id, ["id"])
  await deleteSegmentsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "segment", deleted: true })
}
