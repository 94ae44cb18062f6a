import type { MedusaContainer } from "@medusajs/framework/types"
import { sendContractRenewalRemindersWorkflow } from "../workflows/b2b/send-contract-renewal-reminders"

/** Every morning: e-mail account managers about contracts ending within their reminder days. */
export default async function b2bContractRenewals(container: MedusaContainer) {
  await sendContractRenewalRemindersWorkflow(container).run({ input: {} })
}

export const config = { name: "b2b-contract-renewals", schedule: "0 8 * * *" }
