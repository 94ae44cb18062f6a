import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { collectReferences, dependsOnTime, type ResolvedReferences } from "../../../modules/segments/definition/references"
import type { SegmentNode } from "../../../modules/segments/definition/schema"
import { resolveReferences } from "../resolve-references"

export type ResolveSegmentDefinitionInput = {
  definition: SegmentNode
  /** The segment being saved (a reference back to it is a cycle). */
  segment_id?: string
  /** The group it will sync to: its own tree may not test membership of that group. */
  customer_group_id?: string | null
}

/**
 * Resolves a definition's references (catalogue, regions, other segments) and checks what
 * validation alone cannot: unknown ids, cycles, a tree that tests the very group it fills.
 * Reads only: nothing to compensate.
 */
export const resolveSegmentDefinitionStep = createStep(
  "resolve-segment-definition",
  async (input: ResolveSegmentDefinitionInput, { container }) => {
    const references: ResolvedReferences = await resolveReferences(container, input.definition, input.segment_id)
    if (input.customer_group_id) {
      const trees = [input.definition, ...Object.values(references.segments)]
      if (trees.some((tree) => collectReferences(tree).customer_group_ids.includes(input.customer_group_id!))) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `customer_group_id: the segment fills group "${input.customer_group_id}" and its definition tests membership of it; members would flip in and out`
        )
      }
    }
    return new StepResponse({ references, depends_on_time: dependsOnTime(input.definition, references) })
  }
)
