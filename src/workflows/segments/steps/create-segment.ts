import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type { ResolvedReferences } from "../../../modules/segments/definition/references"
import type { SegmentNode } from "../../../modules/segments/definition/schema"
import type SegmentsModuleService from "../../../modules/segments/service"

export type CreateSegmentStepInput = {
  name: string
  description?: string | null
  definition: SegmentNode
  resolved_references: ResolvedReferences
  depends_on_time: boolean
  is_live?: boolean
  store_visible?: boolean
  customer_group_id?: string | null
}

/** Creates a segment (its members are computed by the refresh that follows). Compensation deletes it. */
export const createSegmentStep = createStep(
  "create-segment",
  async (input: CreateSegmentStepInput, { container }) => {
    const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    const segment = await segments.createSegments(input)
    return new StepResponse(segment, segment.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).deleteSegments([id])
  }
)
