import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteUpgradePathsWorkflow } from "../../../../../workflows/insights/delete-upgrade-paths"
import { updateUpgradePathsWorkflow } from "../../../../../workflows/insights/update-upgrade-paths"
import type { AdminUpdateUpgradePathType } from "../../validators"
import { refetchUpgradePath } from "../../helpers"

/** One upgrade path. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ upgrade_path: await refetchUpgradePath(req.scope, req.params.id) })
}

/** Changes an upgrade path (checked as it will be stored). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateUpgradePathType>, res: MedusaResponse) => {
  await updateUpgradePathsWorkflow(req.scope).run({ input: { paths: [{ ...req.validatedBody, id: req.params.id }] } })
  res.json({ upgrade_path: await refetchUpgradePath(req.scope, req.params.id) })
}

/** Removes an upgrade path. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchUpgradePath(req.scope, req.params.id)
  await deleteUpgradePathsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "insights_upgrade_path", deleted: true })
}
