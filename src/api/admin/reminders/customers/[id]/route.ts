import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { REMINDERS_MODULE } from "../../../../../modules/reminders"
import type RemindersModuleService from "../../../../../modules/reminders/service"

/** A customer's coverage per rule with their next and last reminders, and their recent reminders. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [customer],
  } = await query.graph({ entity: "customer", fields: ["id"], filters: { id: req.params.id } })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" not found`)
  }
  const reminders = await req.scope.resolve<RemindersModuleService>(REMINDERS_MODULE).summarizeCustomerReminders({ customer_id: customer.id })
  res.json({ reminders })
}
