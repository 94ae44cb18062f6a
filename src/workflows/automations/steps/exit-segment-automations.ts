import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type SegmentsModuleService from "../../../modules/segments/service"
import { enterAutomation } from "./enter-automation"

/**
 * The segment-exited trigger: customers who left a segment (and are not back in it) start the
 * journeys of the active automations on that segment. A membership leaves no row behind, so the
 * entry is keyed by the UTC day of the exit: the same exit event twice starts one journey; a
 * second exit on another day is a new entry, subject to the re-entry rule.
 */
export async function exitSegmentAutomations(
  container: MedusaContainer,
  input: { segment_id: string; customer_ids: string[]; now?: Date }
): Promise<{ started: number }> {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const now = input.now ?? new Date()
  const targets = await automations.listAutomationRows({ trigger_type: "segment_exited", segment_id: input.segment_id, active_only: true })
  if (!targets.length || !input.customer_ids.length) return { started: 0 }
  const stillIn = await container
    .resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    .listSegmentMemberships({ segment_id: input.segment_id, customer_id: input.customer_ids }, { select: ["customer_id"] })
  const back = new Set(stillIn.map((m) => m.customer_id))
  const day = now.toISOString().slice(0, 10)
  const entries = [...new Set(input.customer_ids)]
    .filter((id) => !back.has(id))
    .map((customer_id) => ({ customer_id, entry_key: `segment_exit:${input.segment_id}:${customer_id}:${day}`, context: { segment_id: input.segment_id } }))
  let started = 0
  for (const automation of targets) started += await enterAutomation(container, automation, entries, now)
  return { started }
}

export const exitSegmentAutomationsStep = createStep(
  "exit-segment-automations",
  async (input: { segment_id: string; customer_ids: string[]; now?: Date | string }, { container }) => {
    return new StepResponse(await exitSegmentAutomations(container, { ...input, now: input.now ? new Date(input.now) : undefined }))
  }
)
