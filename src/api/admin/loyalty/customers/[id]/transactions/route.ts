import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { assertCustomerExists } from "../../helpers"
import type { AdminLoyaltyTransactionsParamsType } from "../../validators"

/** A customer's points ledger, newest first, paginated, optionally filtered by type. */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminLoyaltyTransactionsParamsType>,
  res: MedusaResponse
) => {
  const customerId = req.params.id
  await assertCustomerExists(req.scope, customerId)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { type } = req.validatedQuery
  const { data: transactions, metadata } = await query.graph({
    entity: "points_transaction",
    fields: req.queryConfig.fields,
    filters: { customer_id: customerId, ...(type ? { type } : {}) },
    pagination: { ...req.queryConfig.pagination, order: { occurred_at: "DESC", id: "DESC" } },
  })
  res.json({ transactions, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}
