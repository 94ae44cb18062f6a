import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"

/** Remembers the cart a reorder link made, so a second click reuses it. Compensation forgets it. */
export const recordReorderCartStep = createStep(
  "record-reorder-cart",
  async (input: { reminder_id: string; cart_id: string }, { container }) => {
    const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
    const [before] = await reminders.listReminders({ id: input.reminder_id }, { select: ["id", "reorder_cart_id"] })
    await reminders.updateReminders({ id: input.reminder_id, reorder_cart_id: input.cart_id })
    return new StepResponse(input, { id: input.reminder_id, reorder_cart_id: before?.reorder_cart_id ?? null })
  },
  async (previous, { container }) => {
    if (!previous) {
      return
    }
    await container.resolve<RemindersModuleService>(REMINDERS_MODULE).updateReminders(previous)
  }
)
