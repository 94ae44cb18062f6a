import { MedusaError } from "@medusajs/framework/utils"
import type { ResolvedReferences } from "./references"
import { EMPTY_REFERENCES } from "./references"
import { parseSegmentDefinition, type SegmentNode } from "./schema"

/** A definition read back from the database (validated when saved; checked again rather than cast). */
export function storedDefinition(segment: { id: string; definition: unknown }): SegmentNode {
  const parsed = parseSegmentDefinition(segment.definition)
  if (!parsed.ok) {
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `segment ${segment.id} has an invalid stored definition: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`
    )
  }
  return parsed.definition
}

/** The references resolved when the segment was last saved or refreshed. */
export function storedReferences(segment: { resolved_references?: unknown }): ResolvedReferences {
  const refs = segment.resolved_references as Partial<ResolvedReferences> | null | undefined
  return { ...EMPTY_REFERENCES, ...(refs ?? {}) }
}
