import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sendContractRenewalRemindersWorkflow } from "../../../../../workflows/b2b/send-contract-renewal-reminders"

/** Sends the renewal reminders due now (what the daily job does), once per contract and end date. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await sendContractRenewalRemindersWorkflow(req.scope).run({ input: {} })
  res.json({ result })
}
