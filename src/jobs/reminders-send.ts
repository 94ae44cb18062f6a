import type { MedusaContainer } from "@medusajs/framework/types"
import { sendDueRemindersWorkflow } from "../workflows/reminders/send-due-reminders"

/** Hourly: send the repurchase reminders that are due. */
export default async function remindersSend(container: MedusaContainer) {
  await sendDueRemindersWorkflow(container).run({ input: {} })
}

export const config = { name: "reminders-send", schedule: "0 * * * *" }
