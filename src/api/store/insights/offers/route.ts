import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listCustomerOffersWorkflow } from "../../../../workflows/insights/list-customer-offers"

/** The logged-in customer's offers, most relevant first, each with the reason it is offered. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await listCustomerOffersWorkflow(req.scope).run({ input: { customer_id: req.auth_context.actor_id } })
  res.json({ offers: result })
}
