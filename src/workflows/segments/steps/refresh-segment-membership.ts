import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import { storedDefinition } from "../../../modules/segments/definition/stored-definition"
import type SegmentsModuleService from "../../../modules/segments/service"
import { resolveReferences } from "../resolve-references"
import type { MembershipDiff } from "./sync-segment-groups"

/**
 * Recomputes a segment's whole membership from the facts, with its references resolved again
 * (products added to a referenced category since the last save count now). Nothing to
 * compensate: the membership is derived, and a rerun recomputes it.
 */
export const refreshSegmentMembershipStep = createStep(
  "refresh-segment-membership",
  async (input: { segment_id: string; now?: Date | string }, { container }) => {
    const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    const [segment] = await segments.listSegments({ id: input.segment_id })
    if (!segment) {
      return new StepResponse({ diffs: [] as MembershipDiff[], member_count: 0 })
    }
    const definition = storedDefinition(segment)
    const references = await resolveReferences(container, definition, segment.id)
    if (JSON.stringify(references) !== JSON.stringify(segment.resolved_references)) {
      await segments.updateSegments({ id: segment.id, resolved_references: references })
    }
    const result = await segments.refreshMembership({
      segment: { id: segment.id, definition, references },
      now: input.now ? new Date(input.now) : undefined,
      definition_version: segment.definition_version,
    })
    const diff: MembershipDiff = {
      segment_id: segment.id,
      customer_group_id: segment.customer_group_id,
      added: result.entered,
      removed: result.exited,
    }
    return new StepResponse({ diffs: [diff], member_count: result.member_count })
  }
)
