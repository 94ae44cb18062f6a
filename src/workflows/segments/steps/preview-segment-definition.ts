import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type { ResolvedReferences } from "../../../modules/segments/definition/references"
import type { SegmentNode } from "../../../modules/segments/definition/schema"
import type SegmentsModuleService from "../../../modules/segments/service"

/** Counts what an unsaved tree matches now, with a sample. Reads only. */
export const previewSegmentDefinitionStep = createStep(
  "preview-segment-definition",
  async (input: { definition: SegmentNode; references: ResolvedReferences; sample_size?: number }, { container }) => {
    const started = process.hrtime.bigint()
    const result = await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).previewDefinition(input)
    const took_ms = Number(process.hrtime.bigint() - started) / 1e6
    return new StepResponse({ ...result, took_ms: Math.round(took_ms * 10) / 10 })
  }
)
