import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"

const DAY = 86_400_000

export type SendContractRenewalRemindersResult = { sent: number; without_account_manager: number; failed: number }

/**
 * E-mails the account manager of each active contract ending within its reminder days, through
 * Medusa's Notification module, once per contract and end date: the notice row is claimed first
 * (unique in the database) and the notification carries the same idempotency key. A send that
 * fails frees the claim, so the next run tries again. Sent mail cannot be unsent: nothing to
 * compensate.
 */
export const sendContractRenewalRemindersStep = createStep("send-contract-renewal-reminders", async (input: { now?: Date | string }, { container }) => {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const notifications = container.resolve(Modules.NOTIFICATION)
  const logger = container.resolve("logger")
  const now = input.now ? new Date(input.now) : new Date()
  const template = b2b.getB2bOptions().renewalTemplate
  const result: SendContractRenewalRemindersResult = { sent: 0, without_account_manager: 0, failed: 0 }
  let after: string | undefined
  for (;;) {
    const due = await b2b.listRenewalsDue({ now, after, limit: 200 })
    if (!due.length) break
    after = due[due.length - 1].contract_id
    for (const contract of due) {
      if (!contract.account_manager_email) {
        result.without_account_manager++
        continue
      }
      const validTo = new Date(contract.valid_to)
      const notice = { id: generateEntityId(undefined, "crn"), contract_id: contract.contract_id, company_id: contract.company_id, valid_to: validTo, sent_to: contract.account_manager_email }
      if (!(await b2b.claimRenewalNotice(notice))) {
        continue
      }
      try {
        const [sent] = await notifications.createNotifications([
          {
            to: contract.account_manager_email,
            channel: "email",
            template,
            idempotency_key: `b2b-contract-renewal:${contract.contract_id}:${validTo.toISOString().slice(0, 10)}`,
            data: {
              contract_id: contract.contract_id,
              contract_title: contract.title,
              company_id: contract.company_id,
              company_name: contract.company_name,
              valid_to: validTo.toISOString(),
              days_left: Math.max(0, Math.ceil((validTo.getTime() - now.getTime()) / DAY)),
            },
          },
        ])
        await b2b.updateContractRenewalNotices({ id: notice.id, notification_id: sent?.id ?? null })
        result.sent++
      } catch (e) {
        await b2b.deleteContractRenewalNotices(notice.id)
        logger.error(`Renewal reminder of contract ${contract.contract_id} not sent: ${e instanceof Error ? e.message : e}`)
        result.failed++
      }
    }
  }
  return new StepResponse(result)
})
