import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Reads one reminder rule through the query graph; NOT_FOUND when it does not exist. */
export async function refetchReminderRule(scope: MedusaContainer, id: string, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [rule],
  } = await query.graph({ entity: "reminder_rule", fields, filters: { id } })
  if (!rule) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Reminder rule with id "${id}" not found`)
  }
  return rule
}
