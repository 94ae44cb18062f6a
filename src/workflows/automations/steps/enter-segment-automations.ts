import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type SegmentsModuleService from "../../../modules/segments/service"
import { enterAutomation } from "./enter-automation"

/**
 * The segment-entered trigger: customers who entered a segment (and are still in it) start the
 * journeys of the active automations on that segment, keyed by the membership's entry time, so
 * the same entry event twice starts one journey and leaving and coming back is a new entry.
 */
export async function enterSegmentAutomations(
  container: MedusaContainer,
  input: { segment_id: string; customer_ids: string[]; now?: Date }
): Promise<{ started: number }> {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const now = input.now ?? new Date()
  const targets = await automations.listAutomationRows({ trigger_type: "segment_entered", segment_id: input.segment_id, active_only: true })
  if (!targets.length || !input.customer_ids.length) return { started: 0 }
  const memberships = await container
    .resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    .listSegmentMemberships({ segment_id: input.segment_id, customer_id: input.customer_ids }, { select: ["customer_id", "entered_at"] })
  const entries = memberships.map((m) => ({
    customer_id: m.customer_id,
    entry_key: `segment:${input.segment_id}:${m.customer_id}:${new Date(m.entered_at).getTime()}`,
  }))
  let started = 0
  for (const automation of targets) started += await enterAutomation(container, automation, entries, now)
  return { started }
}

export const enterSegmentAutomationsStep = createStep(
  "enter-segment-automations",
  async (input: { segment_id: string; customer_ids: string[]; now?: Date | string }, { container }) => {
    return new StepResponse(await enterSegmentAutomations(container, { ...input, now: input.now ? new Date(input.now) : undefined }))
  }
)
