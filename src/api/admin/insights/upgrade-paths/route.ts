import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { INSIGHTS_MODULE } from "../../../../modules/insights"
import type InsightsModuleService from "../../../../modules/insights/service"
import { createUpgradePathsWorkflow } from "../../../../workflows/insights/create-upgrade-paths"
import { UPGRADE_PATH_FIELDS } from "../helpers"
import type { AdminCreateUpgradePathType, AdminUpgradePathsParamsType } from "../validators"


/** Upgrade paths, newest first; filter by predecessor product or active state. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminUpgradePathsParamsType>, res: MedusaResponse) => {
  const { product_id, is_active, limit, offset } = req.validatedQuery
  const [paths, count] = await req.scope
    .resolve<InsightsModuleService>(INSIGHTS_MODULE)
    .listAndCountUpgradePaths(
      { ...(product_id ? { product_id } : {}), ...(is_active !== undefined ? { is_active } : {}) },
      { select: UPGRADE_PATH_FIELDS, skip: offset, take: limit, order: { created_at: "DESC" } }
    )
  res.json({ upgrade_paths: paths, count, limit, offset })
}

/** Maps a product (or one of its variants) to its successor. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateUpgradePathType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await createUpgradePathsWorkflow(req.scope).run({
    input: { paths: [{ ...body, product_id: body.product_id!, successor_product_id: body.successor_product_id! }] },
  })
  res.status(201).json({ upgrade_path: result[0] })
}
