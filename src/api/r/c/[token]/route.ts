import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { randomUUID } from "node:crypto"
import { linkSecret } from "../../../../lib/link-secret"
import { verifyToken } from "../../../../lib/signed-token"
import { recordCampaignEventsWorkflow } from "../../../../workflows/email-campaigns/record-campaign-events"
import { CAMPAIGN_TOKEN } from "../../../../workflows/email-campaigns/campaign-links"

/**
 * A tracked link of a campaign e-mail (public). Records the click and redirects to the URL signed
 * into the token, never to anything else (no open redirect); a tampered token is a 400.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const token = verifyToken(linkSecret(), CAMPAIGN_TOKEN.click, String(req.params.token))
  const url = String(token.u)
  await recordCampaignEventsWorkflow(req.scope).run({
    input: {
      events: [
        {
          event_key: `click:${token.r}:${randomUUID()}`,
          recipient_id: String(token.r),
          campaign_id: String(token.c),
          type: "click",
          occurred_at: new Date(),
          url,
          source: "tracking",
        },
      ],
    },
  })
  res.redirect(302, url)
}
