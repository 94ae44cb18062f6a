import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import { compileProgram } from "../../../modules/automations/definition/program"
import type { AutomationStep } from "../../../modules/automations/definition/schema"
import type AutomationsModuleService from "../../../modules/automations/service"

/** One automation with the given fields and its journey counts; 404 when there is none. */
export async function refetchAutomation(scope: MedusaContainer, id: string, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "automation", fields, filters: { id } })
  if (!data[0]) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No automation "${id}"`)
  }
  const counts = await scope.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE).countJourneys([id])
  const steps = data[0].steps as AutomationStep[] | undefined
  // Where each journey's step_index points: the flat program's places, named by their path in the tree.
  const program = steps ? compileProgram(steps).map(({ type, path }, index) => ({ index, type, path })) : undefined
  return { ...data[0], counts: counts.get(id), ...(program ? { program } : {}) }
}
