import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { StoreLoyaltyTransactionsParamsType } from "../../validators"

/** The logged-in customer's own points history, newest first, paginated. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, StoreLoyaltyTransactionsParamsType>,
  res: MedusaResponse
) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: transactions, metadata } = await query.graph({
    entity: "points_transaction",
    fields: req.queryConfig.fields,
    filters: { customer_id: req.auth_context.actor_id },
    pagination: { ...req.queryConfig.pagination, order: { occurred_at: "DESC", id: "DESC" } },
  })
  res.json({ transactions, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}
