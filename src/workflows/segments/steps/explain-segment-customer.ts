import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type { ResolvedReferences } from "../../../modules/segments/definition/references"
import type { SegmentNode } from "../../../modules/segments/definition/schema"
import type SegmentsModuleService from "../../../modules/segments/service"

/** Evaluates every node of a tree for one customer ("why is this customer in or out"). Reads only. */
export const explainSegmentCustomerStep = createStep(
  "explain-segment-customer",
  async (input: { definition: SegmentNode; references: ResolvedReferences; customer_id: string; segment_id?: string }, { container }) => {
    const result = await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).explainCustomer(input)
    return new StepResponse(result)
  }
)
