import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { EmailCampaignEvents } from "../modules/email-campaigns/events"
import { sendEmailCampaignWorkflow } from "../workflows/email-campaigns/send-email-campaign"

/** A campaign is due or resumed → send it on this worker. */
export default async function emailCampaignsSendRequested({ event, container }: SubscriberArgs<{ id: string }>) {
  await sendEmailCampaignWorkflow(container).run({ input: { campaign_id: event.data.id } })
}

export const config: SubscriberConfig = { event: EmailCampaignEvents.SEND_REQUESTED, context: { subscriberId: "email-campaigns-send-requested" } }
