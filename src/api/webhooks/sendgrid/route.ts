import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { EventWebhook, EventWebhookHeader } from "@sendgrid/eventwebhook"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import type { CampaignEventInput } from "../../../modules/email-campaigns/types"
import { recordCampaignEventsWorkflow } from "../../../workflows/email-campaigns/record-campaign-events"

const TYPES: Record<string, CampaignEventInput["type"]> = {
  processed: "processed",
  delivered: "delivered",
  deferred: "deferred",
  bounce: "bounce",
  dropped: "dropped",
  spamreport: "spamreport",
  unsubscribe: "unsubscribe",
  group_unsubscribe: "unsubscribe",
  open: "open",
  click: "click",
}

type SendgridEvent = { event?: string; sg_event_id?: string; timestamp?: number; recipient_id?: string; campaign_id?: string; url?: string }

/**
 * SendGrid's signed event webhook (public: SendGrid sends no publishable key). The ECDSA signature
 * over the raw body is verified with the configured public key (@sendgrid/eventwebhook); events of
 * our campaigns are recorded once each by sg_event_id, so SendGrid's retries change nothing.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const { webhookPublicKey } = req.scope.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).getCampaignOptions()
  if (!webhookPublicKey) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "The SendGrid webhook is not configured (no verification key)")
  }
  const signature = req.get(EventWebhookHeader.SIGNATURE())
  const timestamp = req.get(EventWebhookHeader.TIMESTAMP())
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  const webhook = new EventWebhook()
  const verified =
    !!signature && !!timestamp && !!raw && webhook.verifySignature(webhook.convertPublicKeyToECDSA(webhookPublicKey), raw, signature, timestamp)
  if (!verified) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "signature: the event webhook signature does not verify")
  }
  const body = Array.isArray(req.body) ? (req.body as SendgridEvent[]) : []
  const events: CampaignEventInput[] = body
    .filter((e) => e.recipient_id && e.campaign_id && e.sg_event_id && e.event && TYPES[e.event])
    .map((e) => ({
      event_key: `sg:${e.sg_event_id}`,
      recipient_id: String(e.recipient_id),
      campaign_id: String(e.campaign_id),
      type: TYPES[e.event!],
      occurred_at: new Date((e.timestamp ?? Date.now() / 1000) * 1000),
      url: e.url ?? null,
      source: "sendgrid",
    }))
  const { result } = await recordCampaignEventsWorkflow(req.scope).run({ input: { events } })
  res.status(200).json({ received: body.length, recorded: result.recorded, duplicates: result.duplicates })
}
