import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/** Reads one segment through the query graph; NOT_FOUND when it does not exist. */
export async function refetchSegment(scope: MedusaContainer, id: string, fields: string[]) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [segment],
  } = await query.graph({ entity: "segment", fields, filters: { id } })
  if (!segment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment with id "${id}" not found`)
  }
  return { ...segment, refreshing: segment.membership_version < segment.definition_version }
}
