import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import { collectReferences } from "../../../modules/segments/definition/references"
import { storedDefinition } from "../../../modules/segments/definition/stored-definition"
import type SegmentsModuleService from "../../../modules/segments/service"

/**
 * Soft-deletes segments; refuses while another segment's definition refers to one of them.
 * Compensation restores them. Their customer groups stay (price lists may use them); syncing stops.
 */
export const deleteSegmentsStep = createStep(
  "delete-segments",
  async (ids: string[], { container }) => {
    const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    const others = await segments.listSegments({}, { select: ["id", "name", "definition"] })
    for (const other of others.filter((s) => !ids.includes(s.id))) {
      const used = collectReferences(storedDefinition(other)).segment_ids.find((id) => ids.includes(id))
      if (used) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Segment "${used}" is used by segment "${other.name}" (${other.id}); change that one first`)
      }
    }
    await segments.softDeleteSegments(ids)
    return new StepResponse(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).restoreSegments(ids)
  }
)
