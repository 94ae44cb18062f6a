/** Events of the e-mail campaigns module's workflows. */
export const EmailCampaignEvents = {
  /** payload: `{ id }`: a campaign is due or was resumed; the worker sends it. */
  SEND_REQUESTED: "email_campaign.send_requested",
  /** payload: `{ id }` */
  SENT: "email_campaign.sent",
} as const
