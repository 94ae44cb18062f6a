import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createTiersWorkflow } from "../../../../workflows/loyalty-points/upsert-tiers"
import { refetchTier } from "./helpers"
import type { AdminCreateTierType, AdminTiersParamsType } from "./validators"

/** Lists loyalty tiers, lowest rank first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminTiersParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { is_active } = req.validatedQuery
  const { data: tiers, metadata } = await query.graph({
    entity: "loyalty_tier",
    fields: req.queryConfig.fields,
    filters: is_active === undefined ? {} : { is_active },
    pagination: { ...req.queryConfig.pagination, order: { rank: "ASC", created_at: "ASC", id: "ASC" } },
  })
  res.json({ tiers, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/** Creates a loyalty tier. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateTierType>, res: MedusaResponse) => {
  const { result } = await createTiersWorkflow(req.scope).run({
    input: { tiers: [req.validatedBody] },
  })
  const tier = await refetchTier(req.scope, result[0].id, req.queryConfig.fields)
  res.status(200).json({ tier })
}
