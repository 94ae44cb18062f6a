import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"

/** One automation with the given fields and its journey counts; 404 when there is none. */
export async function refetchAutomation(scope: MedusaContainer, id: string, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "automation", fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No automation "${id}"`)
  }
  const counts = await scope.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).countJourneys([id])
  return { ...data[0], counts: counts.get(id) }
}
