import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createSegmentWorkflow } from "../../../workflows/segments/create-segment"
import { refetchSegment } from "./helpers"
import type { AdminCreateSegmentType, AdminSegmentsParamsType } from "./validators"

/** Lists segments with their member counts, newest first. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminSegmentsParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, is_live, id } = req.validatedQuery
  const filters: Record<string, unknown> = {}
  if (id) filters.id = id
  if (q) filters.name = { $ilike: `%${q}%` }
  if (is_live !== undefined) filters.is_live = is_live
  const { data, metadata } = await query.graph({
    entity: "segment",
    fields: req.queryConfig.fields,
    filters,
    pagination: { ...req.queryConfig.pagination, order: { created_at: "DESC", id: "DESC" } },
  })
  const segments = data.map((s) => ({ ...s, refreshing: s.membership_version < s.definition_version }))
  res.json({ segments, count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/** Saves a segment; its members are computed on the worker right after (see `refreshing`). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateSegmentType>, res: MedusaResponse) => {
  const { result } = await createSegmentWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(200).json({ segment: await refetchSegment(req.scope, result.id, req.queryConfig.fields) })
}
