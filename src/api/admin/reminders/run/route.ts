import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendDueRemindersWorkflow } from "../../../../workflows/reminders/send-due-reminders"
import type { AdminRunRemindersType } from "../validators"

/** Runs the hourly send now (demo, or after a fix): claims the due reminders and sends or suppresses each once. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminRunRemindersType>, res: MedusaResponse) => {
  const { result } = await sendDueRemindersWorkflow(req.scope).run({ input: { max_batches: req.validatedBody.max_batches } })
  res.json({ run: result })
}
