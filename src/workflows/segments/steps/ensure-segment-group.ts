import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type EnsureSegmentGroupInput = {
  /** The group to sync to: an existing id, `null` for none, or undefined to keep what there is. */
  customer_group_id?: string | null
  /** Create a new group named after the segment instead. */
  create_customer_group?: boolean
  name: string
}

/**
 * The customer group a segment syncs to: an existing one (checked), or a new one named after the
 * segment. Compensation deletes a group this step created.
 */
export const ensureSegmentGroupStep = createStep(
  "ensure-segment-group",
  async (input: EnsureSegmentGroupInput, { container }) => {
    const customers = container.resolve(Modules.CUSTOMER)
    if (input.create_customer_group) {
      const group = await customers.createCustomerGroups({ name: `Segment: ${input.name}`, metadata: { managed_by: "segments" } })
      return new StepResponse({ customer_group_id: group.id as string | null | undefined }, group.id)
    }
    if (input.customer_group_id) {
      const [group] = await customers.listCustomerGroups({ id: input.customer_group_id }, { select: ["id"] })
      if (!group) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `customer_group_id: no customer group "${input.customer_group_id}"`)
      }
    }
    return new StepResponse({ customer_group_id: input.customer_group_id }, null as string | null)
  },
  async (createdId, { container }) => {
    if (!createdId) {
      return
    }
    await container.resolve(Modules.CUSTOMER).deleteCustomerGroups([createdId])
  }
)
