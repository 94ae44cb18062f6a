import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { SegmentEvents } from "../../modules/segments/events"
import type { SegmentNode } from "../../modules/segments/definition/schema"
import { createSegmentStep } from "./steps/create-segment"
import { ensureSegmentGroupStep } from "./steps/ensure-segment-group"
import { resolveSegmentDefinitionStep } from "./steps/resolve-segment-definition"

export const createSegmentWorkflowId = "create-segment"

export type CreateSegmentWorkflowInput = {
  name: string
  description?: string | null
  definition: SegmentNode
  is_live?: boolean
  store_visible?: boolean
  customer_group_id?: string | null
  create_customer_group?: boolean
}

/**
 * Saves a segment: checks its references, sets up the customer group it syncs to (an existing one
 * or a new one), stores it, and asks for its membership to be computed on the worker.
 */
export const createSegmentWorkflow = createWorkflow(createSegmentWorkflowId, (input: CreateSegmentWorkflowInput) => {
  const group = ensureSegmentGroupStep(
    transform({ input }, ({ input }) => ({
      customer_group_id: input.customer_group_id,
      create_customer_group: input.create_customer_group,
      name: input.name,
    }))
  )
  const resolved = resolveSegmentDefinitionStep(
    transform({ input, group }, ({ input, group }) => ({ definition: input.definition, customer_group_id: group.customer_group_id }))
  )
  const segment = createSegmentStep(
    transform({ input, group, resolved }, ({ input, group, resolved }) => ({
      name: input.name,
      description: input.description,
      definition: input.definition,
      is_live: input.is_live,
      store_visible: input.store_visible,
      customer_group_id: group.customer_group_id ?? null,
      resolved_references: resolved.references,
      depends_on_time: resolved.depends_on_time,
    }))
  )
  emitEventStep({ eventName: SegmentEvents.DEFINITION_CHANGED, data: transform({ segment }, ({ segment }) => ({ id: segment.id })) })
  return new WorkflowResponse(segment)
})
