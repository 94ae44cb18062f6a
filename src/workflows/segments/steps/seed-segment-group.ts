import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type SegmentsModuleService from "../../../modules/segments/service"

const PAGE = 500

/**
 * A segment starts syncing to a group: every current member is added to it (later changes come
 * through the normal sync). Compensation takes out the customers this step put in.
 */
export const seedSegmentGroupStep = createStep(
  "seed-segment-group",
  async (input: { segment_id: string; customer_group_id?: string | null }, { container }) => {
    if (!input.customer_group_id) {
      return new StepResponse({ added: 0 }, null)
    }
    const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    const customers = container.resolve(Modules.CUSTOMER)
    const added: string[] = []
    let after: string | null = null
    for (;;) {
      const page = await segments.listMembers({ segment_id: input.segment_id, limit: PAGE, after })
      if (!page.length) break
      const ids = page.map((m) => m.customer_id as string)
      const already = await customers.listCustomers({ id: ids, groups: { id: [input.customer_group_id] } }, { select: ["id"] })
      const have = new Set(already.map((c) => c.id))
      const pairs = ids.filter((id) => !have.has(id)).map((customer_id) => ({ customer_id, customer_group_id: input.customer_group_id! }))
      if (pairs.length) await customers.addCustomerToGroup(pairs)
      added.push(...pairs.map((p) => p.customer_id))
      after = ids[ids.length - 1]
    }
    return new StepResponse({ added: added.length }, { customer_group_id: input.customer_group_id, added })
  },
  async (seeded, { container }) => {
    if (!seeded?.added.length) {
      return
    }
    const customers = container.resolve(Modules.CUSTOMER)
    for (let i = 0; i < seeded.added.length; i += PAGE) {
      await customers.removeCustomerFromGroup(
        seeded.added.slice(i, i + PAGE).map((customer_id) => ({ customer_id, customer_group_id: seeded.customer_group_id }))
      )
    }
  }
)

