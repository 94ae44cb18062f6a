import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type { ResolvedReferences } from "../../../modules/segments/definition/references"
import type { SegmentNode } from "../../../modules/segments/definition/schema"
import type SegmentsModuleService from "../../../modules/segments/service"

export type UpdateSegmentStepInput = {
  id: string
  name?: string
  description?: string | null
  definition?: SegmentNode
  resolved_references?: ResolvedReferences
  depends_on_time?: boolean
  is_live?: boolean
  store_visible?: boolean
  customer_group_id?: string | null
}

const FIELDS = [
  "name",
  "description",
  "definition",
  "resolved_references",
  "depends_on_time",
  "is_live",
  "store_visible",
  "customer_group_id",
  "definition_version",
] as const

/**
 * Updates a segment; a new definition bumps `definition_version`, so the membership is known to be
 * stale until the refresh that follows. Compensation restores the fields it changed.
 */
export const updateSegmentStep = createStep(
  "update-segment",
  async (input: UpdateSegmentStepInput, { container }) => {
    const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    const [previous] = await segments.listSegments({ id: input.id }, { select: ["id", ...FIELDS] })
    if (!previous) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Segment with id "${input.id}" not found`)
    }
    const definitionChanged = input.definition !== undefined && JSON.stringify(input.definition) !== JSON.stringify(previous.definition)
    const segment = await segments.updateSegments({
      ...input,
      ...(definitionChanged ? { definition_version: previous.definition_version + 1 } : {}),
    })
    const snapshot = Object.fromEntries(FIELDS.map((f) => [f, previous[f]]))
    return new StepResponse({ segment, definition_changed: definitionChanged }, { id: previous.id, ...snapshot })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).updateSegments(previous)
  }
)
