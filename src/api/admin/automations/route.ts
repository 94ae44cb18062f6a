import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { createAutomationWorkflow } from "../../../workflows/automations/create-automation"
import { refetchAutomation } from "./helpers"
import type { AdminAutomationsParamsType, AdminCreateAutomationType } from "./validators"

/** Lists automations, newest first, each with its journey and message counts. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminAutomationsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { is_active } = req.validatedQuery
  const { data, metadata } = await query.graph({
    entity: "automation",
    fields: req.queryConfig.fields,
    filters: is_active === undefined ? {} : { is_active },
    pagination: { ...req.queryConfig.pagination, order: { created_at: "DESC", id: "ASC" } },
  })
  const counts = await req.scope.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).countJourneys(data.map((a) => a.id))
  res.json({
    automations: data.map((a) => ({ ...a, counts: counts.get(a.id) })),
    count: metadata?.count ?? 0,
    limit: metadata?.take,
    offset: metadata?.skip,
  })
}

/** Creates an automation (off unless `is_active`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateAutomationType>, res: MedusaResponse) => {
  const { result } = await createAutomationWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(200).json({ automation: await refetchAutomation(req.scope, result.id, req.queryConfig.fields) })
}
