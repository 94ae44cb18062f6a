import { setTimeout as sleep } from "node:timers/promises"
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { B2B_MODULE } from "../../modules/b2b"
import type B2bModuleService from "../../modules/b2b/service"
import { findEmployeeOfCustomer, readEmployeeSpending } from "../b2b/utils/employee-spending"

/** How long a spending check holds the employee's lock at most (a crashed completion frees it then). */
const HOLD_SECONDS = 120
/** How long a second checkout of the same employee waits for the first before giving up. */
const WAIT_MS = 30_000
const RETRY_MS = 300

type SpendingHold = { key: string; owner_id: string }
type CartToComplete = { id: string; customer_id?: string | null; currency_code: string; total: BigNumberInput; completed_at?: Date | string | null }

const holdKey = (customerId: string) => `b2b.spending-limit:${customerId}`

// Medusa 2.21 declares `orderCreated` (createHook in complete-cart.js) but leaves it out of the
// workflow's public type; it runs once the order is stored, which is when the hold can go.
type OrderCreatedHook = (handler: (input: { order_id: string; cart_id: string }, context: { container: MedusaContainer }) => Promise<StepResponse<void>>) => void
const hooks = completeCartWorkflow.hooks as typeof completeCartWorkflow.hooks & { orderCreated?: OrderCreatedHook }

async function acquireHold(container: MedusaContainer, hold: SpendingHold): Promise<void> {
  const locking = container.resolve(Modules.LOCKING)
  const until = Date.now() + WAIT_MS
  for (;;) {
    try {
      await locking.acquire(hold.key, { ownerId: hold.owner_id, expire: HOLD_SECONDS })
      return
    } catch {
      if (Date.now() >= until) {
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          "spending_limit: another checkout of this customer is being completed and its spending is counted first; try again in a moment"
        )
      }
    }
    await sleep(RETRY_MS)
  }
}

async function releaseHold(container: MedusaContainer, hold: SpendingHold): Promise<void> {
  await container.resolve(Modules.LOCKING).release(hold.key, { ownerId: hold.owner_id })
}

/**
 * A company employee with a spending limit cannot complete a cart that would take their orders
 * of the current period (net of refunds, canceled ones left out) above it. Two checkouts of the
 * same employee are serialised: the employee is locked from this check until the order exists
 * (the `orderCreated` hook) or the completion fails (the compensation), so the second one counts
 * the first one's order.
 */
hooks.validate(
  async ({ cart }, { container }) => {
    const toComplete = cart as CartToComplete
    // A cart completed before (a retried request) returns its order; it was checked then.
    if (!toComplete.customer_id || toComplete.completed_at) {
      return new StepResponse<void, SpendingHold | undefined>(undefined, undefined)
    }
    const employee = await findEmployeeOfCustomer(container, toComplete.customer_id)
    if (!employee || employee.spending_limit === null || employee.spending_limit === undefined) {
      return new StepResponse<void, SpendingHold | undefined>(undefined, undefined)
    }
    const hold = { key: holdKey(toComplete.customer_id), owner_id: toComplete.id }
    await acquireHold(container, hold)
    try {
      const status = await readEmployeeSpending(container, employee)
      container.resolve<B2bModuleService>(B2B_MODULE).assertWithinSpendingLimit(status, { total: toComplete.total, currency_code: toComplete.currency_code })
    } catch (error) {
      await releaseHold(container, hold)
      throw error
    }
    if (!hooks.orderCreated) {
      // No hook to release at: the hold ends here, and two checkouts at once can both pass.
      await releaseHold(container, hold)
      return new StepResponse<void, SpendingHold | undefined>(undefined, undefined)
    }
    return new StepResponse<void, SpendingHold | undefined>(undefined, hold)
  },
  async (hold, { container }) => {
    if (!hold) {
      return
    }
    await releaseHold(container, hold)
  }
)

/** Ends the hold of the spending check once the order is stored, so the employee's next checkout counts it. */
hooks.orderCreated?.(async ({ cart_id }, { container }) => {
  try {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [cart],
    } = await query.graph({ entity: "cart", fields: ["id", "customer_id"], filters: { id: cart_id } })
    if (cart?.customer_id) {
      await releaseHold(container, { key: holdKey(cart.customer_id), owner_id: cart_id })
    }
  } catch (error) {
    // The order is placed: a failed release must not undo it; the hold expires after HOLD_SECONDS.
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`b2b spending limit: hold of cart ${cart_id} not released (${(error as Error).message})`)
  }
  return new StepResponse(undefined)
})
