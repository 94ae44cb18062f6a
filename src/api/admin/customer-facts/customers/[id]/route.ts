import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../../../modules/customer-facts/service"

/** What the facts hold about one customer: aggregates and RFM, spend per currency, products bought, consent history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.params.id }, { select: ["id"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" not found`)
  }
  const profile = await req.scope.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE).retrieveCustomerProfile(req.params.id)
  res.json({ customer_id: req.params.id, ...profile })
}
