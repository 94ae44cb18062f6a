import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteAutomationsWorkflow } from "../../../../workflows/automations/delete-automations"
import { updateAutomationWorkflow } from "../../../../workflows/automations/update-automation"
import { refetchAutomation } from "../helpers"
import type { AdminUpdateAutomationType } from "../validators"

/** One automation with its counts. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ automation: await refetchAutomation(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Changes an automation, e.g. `{ "is_active": false }` to switch it off. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateAutomationType>, res: MedusaResponse) => {
  await refetchAutomation(req.scope, req.params.id, ["id"])
  await updateAutomationWorkflow(req.scope).run({ input: { id: req.params.id, ...req.validatedBody } })
  res.json({ automation: await refetchAutomation(req.scope, req.params.id, req.queryConfig.fields) })
}

/** Deletes an automation; its journeys end at their next run. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchAutomation(req.scope, req.params.id, ["id"])
  await deleteAutomationsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "automation", deleted: true })
}
