import { setTimeout as sleep } from "node:timers/promises"
import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { B2B_MODULE } from "../../modules/b2b"
import type B2bModuleService from "../../modules/b2b/service"
import { findEmployeeOfCustomer, readEmployeeSpending } from "../b2b/utils/employee-spending"
import { releaseSpendingHold, spendingHoldKey, type SpendingHold } from "../b2b/utils/spending-hold"

/** How long a spending check holds the employee's lock at most (a crashed completion frees it then). */
const HOLD_SECONDS = 120
/** How long a second checkout of the same employee waits for the first before giving up. */
const WAIT_MS = 30_000
const RETRY_MS = 300

type CartToComplete = { id: string; customer_id?: string | null; currency_code: string; total: BigNumberInput; completed_at?: Date | string | null }

const hooks = completeCartWorkflow.hooks

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

/**
 * A company employee with a spending limit cannot complete a cart that would take their orders
 * of the current period (net of refunds, canceled ones left out) above it. Two checkouts of the
 * same employee are serialised: the employee is locked from this check until the order is placed
 * (`order.placed`, src/subscribers/b2b-spending-hold-release.ts) or the completion fails (the
 * compensation), so the second one counts the first one's order. Not the workflow's `orderCreated`
 * hook: a hook takes one handler, and Medusa's loyalty plugin, which merchants run beside this one,
 * has it.
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
    const hold = { key: spendingHoldKey(toComplete.customer_id), owner_id: toComplete.id }
    await acquireHold(container, hold)
    try {
      const status = await readEmployeeSpending(container, employee)
      container.resolve<B2bModuleService>(B2B_MODULE).assertWithinSpendingLimit(status, { total: toComplete.total, currency_code: toComplete.currency_code })
    } catch (error) {
      await releaseSpendingHold(container, hold)
      throw error
    }
    return new StepResponse<void, SpendingHold | undefined>(undefined, hold)
  },
  async (hold, { container }) => {
    if (!hold) {
      return
    }
    await releaseSpendingHold(container, hold)
  }
)
