import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"

/** Learns each rule's median gap per unit from the store's repeat buyers. Derived data: nothing to compensate. */
export const learnReminderCyclesStep = createStep("learn-reminder-cycles", async (_: Record<string, never>, { container }) => {
  return new StepResponse(await container.resolve<RemindersModuleService>(REMINDERS_MODULE).learnCycles())
})
