import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewSegmentWorkflow } from "../../../../workflows/segments/preview-segment"
import type { AdminPreviewSegmentType } from "../validators"

/** The live count and a sample of an unsaved definition (the builder calls it as the admin types). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminPreviewSegmentType>, res: MedusaResponse) => {
  const { result } = await previewSegmentWorkflow(req.scope).run({ input: req.validatedBody })
  res.json(result)
}
