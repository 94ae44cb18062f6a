import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { explainSegmentWorkflow } from "../../../../workflows/segments/explain-segment"
import type { AdminExplainDefinitionType } from "../validators"

/** Why a customer is in or out of a definition being edited, node by node. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminExplainDefinitionType>, res: MedusaResponse) => {
  const { result } = await explainSegmentWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ explanation: result })
}
