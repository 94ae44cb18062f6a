import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { SegmentEvents } from "../../modules/segments/events"
import type { SegmentNode } from "../../modules/segments/definition/schema"
import { ensureSegmentGroupStep } from "./steps/ensure-segment-group"
import { resolveSegmentDefinitionStep } from "./steps/resolve-segment-definition"
import { seedSegmentGroupStep } from "./steps/seed-segment-group"
import { updateSegmentStep } from "./steps/update-segment"

export const updateSegmentWorkflowId = "update-segment"

export type UpdateSegmentWorkflowInput = {
  id: string
  name?: string
  description?: string | null
  definition?: SegmentNode
  is_live?: boolean
  store_visible?: boolean
  customer_group_id?: string | null
  create_customer_group?: boolean
}

/**
 * Changes a segment. A new definition is checked and its membership recomputed on the worker; a
 * new customer group to sync to is filled with the current members at once.
 */
export const updateSegmentWorkflow = createWorkflow(updateSegmentWorkflowId, (input: UpdateSegmentWorkflowInput) => {
  const { data: current } = useQueryGraphStep({
    entity: "segment",
    fields: ["id", "name", "definition", "customer_group_id"],
    filters: { id: input.id },
    options: { throwIfKeyNotFound: true },
  })
  const group = ensureSegmentGroupStep(
    transform({ input, current }, ({ input, current }) => ({
      customer_group_id: input.customer_group_id,
      create_customer_group: input.create_customer_group,
      name: input.name ?? current[0].name,
    }))
  )
  const target = transform({ input, current, group }, ({ input, current, group }) => ({
    definition: (input.definition ?? current[0].definition) as SegmentNode,
    customer_group_id: group.customer_group_id === undefined ? current[0].customer_group_id : group.customer_group_id,
    segment_id: input.id,
  }))
  const resolved = resolveSegmentDefinitionStep(target)
  const updated = updateSegmentStep(
    transform({ input, target, resolved }, ({ input, target, resolved }) => ({
      id: input.id,
      name: input.name,
      description: input.description,
      definition: input.definition,
      is_live: input.is_live,
      store_visible: input.store_visible,
      customer_group_id: target.customer_group_id,
      resolved_references: resolved.references,
      depends_on_time: resolved.depends_on_time,
    }))
  )
  const groupChanged = transform({ current, target }, ({ current, target }) => target.customer_group_id !== current[0].customer_group_id)
  when({ groupChanged }, ({ groupChanged }) => groupChanged).then(() => {
    seedSegmentGroupStep(transform({ target }, ({ target }) => ({ segment_id: target.segment_id, customer_group_id: target.customer_group_id })))
  })
  when({ updated }, ({ updated }) => updated.definition_changed).then(() => {
    emitEventStep({ eventName: SegmentEvents.DEFINITION_CHANGED, data: transform({ input }, ({ input }) => ({ id: input.id })) })
  })
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.segment))
})
