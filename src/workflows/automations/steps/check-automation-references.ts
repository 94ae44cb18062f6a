import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MedusaContainer } from "@medusajs/framework/types"
import { forEachStep, type AutomationStep, type AutomationTrigger } from "../../../modules/automations/definition/schema"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type { SegmentNode } from "../../../modules/segments/definition/schema"
import type SegmentsModuleService from "../../../modules/segments/service"
import { resolveReferences } from "../../segments/resolve-references"

export type AutomationReferences = { trigger?: AutomationTrigger; conditions?: SegmentNode | null; steps?: AutomationStep[] }

/** Resolves a tree's references; an unknown one is a 400 whose field path starts at `root`. */
async function resolveOrName(container: MedusaContainer, definition: SegmentNode, root: string) {
  try {
    await resolveReferences(container, definition)
  } catch (e) {
    if (e instanceof MedusaError) throw new MedusaError(e.type, e.message.replace(/^definition\b/, root))
    throw e
  }
}

/**
 * Checks what an automation names outside itself: the trigger's segment or tier, the customer groups of
 * its steps, and the categories, collections, regions and segments of its conditions. An unknown
 * id is a 400 naming its field. Reads only: nothing to compensate.
 */
export const checkAutomationReferencesStep = createStep("check-automation-references", async (input: AutomationReferences, { container }) => {
  if (input.trigger?.type === "segment_entered" || input.trigger?.type === "segment_exited") {
    const [segment] = await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).listSegments({ id: input.trigger.segment_id }, { select: ["id"] })
    if (!segment) throw new MedusaError(MedusaError.Types.INVALID_DATA, `trigger.segment_id: no segment "${input.trigger.segment_id}"`)
  }
  if (input.trigger?.type === "tier_changed" && input.trigger.tier_id) {
    const [tier] = await container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE).listLoyaltyTiers({ id: input.trigger.tier_id }, { select: ["id"] })
    if (!tier) throw new MedusaError(MedusaError.Types.INVALID_DATA, `trigger.tier_id: no loyalty tier "${input.trigger.tier_id}"`)
  }
  const groups: { path: string; id: string }[] = []
  const splits: { path: string; condition: SegmentNode }[] = []
  forEachStep(input.steps ?? [], (step, path) => {
    if (step.type === "add_to_group") groups.push({ path, id: step.customer_group_id })
    if (step.type === "split") splits.push({ path, condition: step.condition })
  })
  if (groups.length) {
    const found = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: groups.map((g) => g.id) }, { select: ["id"] })
    const missing = groups.find((g) => !found.some((f) => f.id === g.id))
    if (missing) throw new MedusaError(MedusaError.Types.INVALID_DATA, `${missing.path}.customer_group_id: no customer group "${missing.id}"`)
  }
  for (const split of splits) {
    await resolveOrName(container, split.condition, `${split.path}.condition`)
  }
  if (input.conditions) {
    await resolveOrName(container, input.conditions, "conditions")
  }
  return new StepResponse(true)
})
