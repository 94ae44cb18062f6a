import type { MedusaContainer } from "@medusajs/framework/types"
import { learnReminderCyclesWorkflow } from "../workflows/reminders/learn-reminder-cycles"

/** Nightly: each rule's learned consumption cycle. */
export default async function remindersLearnCycles(container: MedusaContainer) {
  await learnReminderCyclesWorkflow(container).run({ input: {} })
}

export const config = { name: "reminders-learn-cycles", schedule: "15 3 * * *" }
