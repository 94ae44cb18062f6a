import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Reads one history import through the query graph; NOT_FOUND when it does not exist. */
export async function refetchHistoryImport(scope: MedusaContainer, id: string, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [historyImport],
  } = await query.graph({ entity: "history_import", fields, filters: { id } })
  if (!historyImport) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `History import with id "${id}" not found`)
  }
  return historyImport
}
