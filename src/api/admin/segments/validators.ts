import { z } from "@medusajs/framework/zod"
import { parseSegmentDefinition, type SegmentNode } from "../../../modules/segments/definition/schema"
import { createPaginationParams } from "../../utils/validators"

/** A condition tree: every bad node is reported with its path (e.g. `definition.and[1].value: ...`). */
export const SegmentDefinition = z.unknown().transform((value, ctx): SegmentNode => {
  const parsed = parseSegmentDefinition(value)
  if (!parsed.ok) {
    // One issue carrying all of them: Medusa's formatter reports only the first three issues.
    ctx.addIssue({ code: "custom", message: parsed.issues.slice(0, 20).map((i) => `${i.path}: ${i.message}`).join("; ") })
    return z.NEVER
  }
  return parsed.definition
})

const booleanParam = z.preprocess((v) => (v === "true" ? true : v === "false" ? false : v), z.boolean({ message: "must be true or false" }))

const segmentFields = {
  name: z.string({ message: "name is required" }).trim().min(1, { message: "name must not be empty" }).max(200),
  description: z.string().max(2000).nullish(),
  definition: SegmentDefinition,
  is_live: z.boolean({ message: "is_live must be true or false" }).optional(),
  store_visible: z.boolean({ message: "store_visible must be true or false" }).optional(),
  customer_group_id: z.string().trim().min(1, { message: "customer_group_id must not be empty" }).nullish(),
  create_customer_group: z.boolean({ message: "create_customer_group must be true or false" }).optional(),
}

const oneGroupChoice = (v: { customer_group_id?: string | null; create_customer_group?: boolean }) =>
  !(v.customer_group_id && v.create_customer_group)
const oneGroupChoiceError = { message: "customer_group_id: give an existing group or create_customer_group, not both" }

export const AdminCreateSegment = z.object(segmentFields).strict().refine(oneGroupChoice, oneGroupChoiceError)
export type AdminCreateSegmentType = z.infer<typeof AdminCreateSegment>

export const AdminUpdateSegment = z
  .object({ ...segmentFields, definition: SegmentDefinition.optional() })
  .partial()
  .strict()
  .refine(oneGroupChoice, oneGroupChoiceError)
export type AdminUpdateSegmentType = z.infer<typeof AdminUpdateSegment>

export const AdminPreviewSegment = z
  .object({
    definition: SegmentDefinition,
    sample_size: z.number({ message: "sample_size must be a number" }).int().min(0).max(100).optional(),
    /** The segment being edited, so a reference back to it is reported as a cycle. */
    segment_id: z.string().optional(),
  })
  .strict()
export type AdminPreviewSegmentType = z.infer<typeof AdminPreviewSegment>

export const AdminExplainDefinition = z
  .object({
    definition: SegmentDefinition,
    customer_id: z.string({ message: "customer_id is required" }).trim().min(1, { message: "customer_id must not be empty" }),
    segment_id: z.string().optional(),
  })
  .strict()
export type AdminExplainDefinitionType = z.infer<typeof AdminExplainDefinition>

export const AdminExplainParams = z.object({
  customer_id: z.string({ message: "customer_id is required" }).trim().min(1, { message: "customer_id must not be empty" }),
})
export type AdminExplainParamsType = z.infer<typeof AdminExplainParams>

export const AdminSegmentsParams = createPaginationParams().extend({
  q: z.string().trim().max(200).optional(),
  id: z.preprocess((v) => (typeof v === "string" ? v.split(",") : v), z.array(z.string().min(1)).max(100)).optional(),
  is_live: booleanParam.optional(),
})
export type AdminSegmentsParamsType = z.infer<typeof AdminSegmentsParams>

export const AdminSegmentParams = z.object({})

export const AdminSegmentMembersParams = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional(),
})
export type AdminSegmentMembersParamsType = z.infer<typeof AdminSegmentMembersParams>
