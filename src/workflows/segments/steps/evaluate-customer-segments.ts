import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import { storedDefinition, storedReferences } from "../../../modules/segments/definition/stored-definition"
import type SegmentsModuleService from "../../../modules/segments/service"
import type { MembershipDiff } from "./sync-segment-groups"

const LOCK_TIMEOUT_S = 60
const LOCK_EXPIRE_S = 120

/**
 * Re-evaluates customers in every live segment after their facts changed. Runs under the same
 * per-customer locks as the facts refresh, so it reads the latest facts and a slower evaluation of
 * older facts cannot land after it. Nothing to compensate: memberships are derived.
 */
export const evaluateCustomerSegmentsStep = createStep(
  "evaluate-customer-segments",
  async (input: { customer_ids: string[]; now?: Date | string }, { container }) => {
    const ids = [...new Set(input.customer_ids)].sort()
    const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    const live = await segments.listSegments({ is_live: true })
    if (!ids.length || !live.length) {
      return new StepResponse({ diffs: [] as MembershipDiff[] })
    }
    const locking = container.resolve(Modules.LOCKING)
    const { entered, exited } = await locking.execute(
      ids.map((id) => `customer-facts:${id}`),
      () =>
        segments.evaluateCustomers({
          segments: live.map((s) => ({ id: s.id, definition: storedDefinition(s), references: storedReferences(s) })),
          customer_ids: ids,
          now: input.now ? new Date(input.now) : undefined,
        }),
      { timeout: LOCK_TIMEOUT_S, expire: LOCK_EXPIRE_S }
    )
    const diffs: MembershipDiff[] = live
      .map((s) => ({
        segment_id: s.id,
        customer_group_id: s.customer_group_id,
        added: entered.filter((e) => e.segment_id === s.id).map((e) => e.customer_id),
        removed: exited.filter((e) => e.segment_id === s.id).map((e) => e.customer_id),
      }))
      .filter((d) => d.added.length || d.removed.length)
    return new StepResponse({ diffs })
  }
)
