import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"

export type GroupMembersInput = { customer_group_id: string; customer_ids: string[] }

/**
 * Adds (1) or removes (-1) customers in a customer group through the Customer module, touching
 * only those not already as wanted, and returns who actually moved. The customer facts' group
 * lists follow at once (as the segment sync does), so segments testing the group see it.
 */
async function move(container: MedusaContainer, input: GroupMembersInput, direction: 1 | -1): Promise<string[]> {
  if (!input.customer_ids.length) {
    return []
  }
  const customers = container.resolve(Modules.CUSTOMER)
  const members = await customers.listCustomers({ id: input.customer_ids, groups: { id: [input.customer_group_id] } }, { select: ["id"] })
  const inGroup = new Set(members.map((c) => c.id))
  const moving = [...new Set(input.customer_ids)].filter((id) => (direction === 1 ? !inGroup.has(id) : inGroup.has(id)))
  if (!moving.length) {
    return []
  }
  const pairs = moving.map((customer_id) => ({ customer_id, customer_group_id: input.customer_group_id }))
  if (direction === 1) {
    await customers.addCustomerToGroup(pairs)
  } else {
    await customers.removeCustomerFromGroup(pairs)
  }
  await container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE).applyGroupMembership({
    customer_group_id: input.customer_group_id,
    added: direction === 1 ? moving : [],
    removed: direction === 1 ? [] : moving,
  })
  return moving
}

/** Puts a company's new employees in its customer group; compensation takes out those it put in. */
export const addCustomersToCompanyGroupStep = createStep(
  "add-customers-to-company-group",
  async (input: GroupMembersInput, { container }) => {
    const added = await move(container, input, 1)
    return new StepResponse(added, { customer_group_id: input.customer_group_id, customer_ids: added })
  },
  async (added, { container }) => {
    if (!added?.customer_ids.length) {
      return
    }
    await move(container, added, -1)
  }
)

/** Takes removed employees out of the company's customer group; compensation puts back those it took out. */
export const removeCustomersFromCompanyGroupStep = createStep(
  "remove-customers-from-company-group",
  async (input: GroupMembersInput, { container }) => {
    const removed = await move(container, input, -1)
    return new StepResponse(removed, { customer_group_id: input.customer_group_id, customer_ids: removed })
  },
  async (removed, { container }) => {
    if (!removed?.customer_ids.length) {
      return
    }
    await move(container, removed, 1)
  }
)
