import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { ActionOutcome, ActionTarget } from "./types"

/** Adds the customer to a customer group (nothing when they are in it already). */
export async function addJourneyToGroup(container: MedusaContainer, target: ActionTarget, step: { customer_group_id: string }): Promise<ActionOutcome> {
  const customers = container.resolve(Modules.CUSTOMER)
  const [already] = await customers.listCustomers({ id: [target.customer_id], groups: { id: [step.customer_group_id] } }, { select: ["id"] })
  if (!already) {
    try {
      await customers.addCustomerToGroup({ customer_id: target.customer_id, customer_group_id: step.customer_group_id })
    } catch (e) {
      return { outcome: "failed", reason: (e as Error).message.slice(0, 500) }
    }
  }
  return { outcome: "done", detail: { customer_group_id: step.customer_group_id, already_member: !!already } }
}
