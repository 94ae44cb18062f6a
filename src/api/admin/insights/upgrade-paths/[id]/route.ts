import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { INSIGHTS_MODULE } from "../../../../../modules/insights"
import type InsightsModuleService from "../../../../../modules/insights/service"
import { deleteUpgradePathsWorkflow } from "../../../../../workflows/insights/delete-upgrade-paths"
import { updateUpgradePathsWorkflow } from "../../../../../workflows/insights/update-upgrade-paths"
import type { AdminUpdateUpgradePathType } from "../../validators"
import { UPGRADE_PATH_FIELDS } from "../route"

/** One upgrade path, NOT_FOUND when there is none. */
export async function refetchUpgradePath(req: AuthenticatedMedusaRequest, id: string) {
  const [path] = await req.scope.resolve<InsightsModuleService>(INSIGHTS_MODULE).listUpgradePaths({ id }, { select: UPGRADE_PATH_FIELDS })
  if (!path) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Upgrade path with id "${id}" not found`)
  }
  return path
}

/** One upgrade path. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ upgrade_path: await refetchUpgradePath(req, req.params.id) })
}

/** Changes an upgrade path (checked as it will be stored). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateUpgradePathType>, res: MedusaResponse) => {
  await updateUpgradePathsWorkflow(req.scope).run({ input: { paths: [{ ...req.validatedBody, id: req.params.id }] } })
  res.json({ upgrade_path: await refetchUpgradePath(req, req.params.id) })
}

/** Removes an upgrade path. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await refetchUpgradePath(req, req.params.id)
  await deleteUpgradePathsWorkflow(req.scope).run({ input: { ids: [req.params.id] } })
  res.json({ id: req.params.id, object: "insights_upgrade_path", deleted: true })
}
