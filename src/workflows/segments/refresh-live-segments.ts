import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SEGMENTS_MODULE } from "../../modules/segments"
import type SegmentsModuleService from "../../modules/segments/service"
import { refreshSegmentWorkflow } from "./refresh-segment"

/**
 * Runs the full refresh of live segments, one workflow each: all of them, or (by default) those
 * time can change (relative dates, windows, recency) and those whose membership predates their
 * definition. One failing segment is logged and does not stop the others.
 */
export async function refreshLiveSegments(container: MedusaContainer, input: { all?: boolean; now?: Date } = {}) {
  const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const live = await segments.listSegments({ is_live: true }, { select: ["id", "depends_on_time", "definition_version", "membership_version"] })
  const due = live.filter((s) => input.all || s.depends_on_time || s.membership_version < s.definition_version)
  let refreshed = 0
  for (const segment of due) {
    try {
      await refreshSegmentWorkflow(container).run({ input: { segment_id: segment.id, now: input.now } })
      refreshed++
    } catch (e) {
      logger.error(`segment ${segment.id}: refresh failed: ${(e as Error).message}`)
    }
  }
  return { due: due.length, refreshed }
}
