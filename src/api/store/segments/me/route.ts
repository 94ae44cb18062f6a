import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The storefront-visible segments the logged-in customer is in (for offers and content). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: memberships } = await query.graph({
    entity: "segment_membership",
    fields: ["segment_id"],
    filters: { customer_id: req.auth_context.actor_id },
  })
  const ids = memberships.map((m) => m.segment_id)
  const { data: segments } = ids.length
    ? await query.graph({ entity: "segment", fields: ["id", "name", "description"], filters: { id: ids, store_visible: true } })
    : { data: [] }
  res.json({ segments })
}
