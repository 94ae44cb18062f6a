import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { SegmentNode } from "../../modules/segments/definition/schema"
import { explainSegmentCustomerStep } from "./steps/explain-segment-customer"
import { resolveSegmentDefinitionStep } from "./steps/resolve-segment-definition"

export const explainSegmentWorkflowId = "explain-segment"

/** Why a customer is in or out of a definition (saved or being edited): each node with its value and truth. */
export const explainSegmentWorkflow = createWorkflow(
  explainSegmentWorkflowId,
  (input: { definition: SegmentNode; customer_id: string; segment_id?: string }) => {
    const resolved = resolveSegmentDefinitionStep(transform({ input }, ({ input }) => ({ definition: input.definition, segment_id: input.segment_id })))
    const explained = explainSegmentCustomerStep(
      transform({ input, resolved }, ({ input, resolved }) => ({
        definition: input.definition,
        references: resolved.references,
        customer_id: input.customer_id,
        segment_id: input.segment_id,
      }))
    )
    return new WorkflowResponse(explained)
  }
)
