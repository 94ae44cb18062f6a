import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import type { CampaignEventInput } from "../../../modules/email-campaigns/types"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"

const SUPPRESSING = { bounce: "bounce", dropped: "dropped", spamreport: "spamreport" } as const

/**
 * Records campaign events once each (webhook deliveries and retries, repeated opens of a pixel by
 * the same event key) and applies what the new ones mean beyond the campaign: an unsubscribe or a
 * spam report withdraws e-mail marketing consent in the consent ledger; a bounce, drop or spam
 * report puts the address on the suppression list. Events are facts that happened: nothing to compensate.
 */
export const recordCampaignEventsStep = createStep("record-campaign-events", async (events: CampaignEventInput[], { container }) => {
  const campaigns = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
  const fresh = await campaigns.recordEvents(events)
  const consequential = fresh.filter((e) => e.type === "unsubscribe" || e.type in SUPPRESSING)
  if (consequential.length) {
    const recipients = new Map(
      (await campaigns.listCampaignRecipients({ id: consequential.map((e) => e.recipient_id) }, { select: ["id", "customer_id", "email"] })).map((r) => [r.id, r])
    )
    const withdrawals = consequential
      .filter((e) => e.type === "unsubscribe" || e.type === "spamreport")
      .map((e) => recipients.get(e.recipient_id))
      .filter((r): r is NonNullable<typeof r> => !!r)
    if (withdrawals.length) {
      await container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE).recordConsents(
        withdrawals.map((r) => ({ customer_id: r.customer_id, purpose: "email_marketing" as const, granted: false, source: "unsubscribe", note: "e-mail campaign" }))
      )
    }
    const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
    for (const e of consequential.filter((x) => x.type in SUPPRESSING)) {
      const r = recipients.get(e.recipient_id)
      if (!r) continue
      const already = await messaging.listSuppressedEmails([r.email])
      if (!already.size) {
        await messaging.createEmailSuppressions({ email: r.email.toLowerCase(), reason: SUPPRESSING[e.type as keyof typeof SUPPRESSING], source: e.source })
      }
    }
  }
  return new StepResponse({ recorded: fresh.length, duplicates: events.length - fresh.length })
})
