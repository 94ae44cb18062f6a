import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** The segments a customer is in now, with when they entered (the customer page). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: memberships } = await query.graph({
    entity: "segment_membership",
    fields: ["segment_id", "entered_at"],
    filters: { customer_id: req.params.id },
  })
  const ids = memberships.map((m) => m.segment_id)
  const { data: segments } = ids.length
    ? await query.graph({ entity: "segment", fields: ["id", "name", "customer_group_id", "member_count"], filters: { id: ids } })
    : { data: [] }
  const enteredAt = new Map(memberships.map((m) => [m.segment_id, m.entered_at]))
  res.json({
    customer_id: req.params.id,
    segments: segments.map((s) => ({ ...s, entered_at: enteredAt.get(s.id) })).sort((a, b) => a.name.localeCompare(b.name)),
  })
}
