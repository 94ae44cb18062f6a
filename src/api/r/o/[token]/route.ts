import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { linkSecret } from "../../../../lib/link-secret"
import { verifyToken } from "../../../../lib/signed-token"
import { recordCampaignEventsWorkflow } from "../../../../workflows/email-campaigns/record-campaign-events"
import { CAMPAIGN_TOKEN } from "../../../../workflows/email-campaigns/campaign-links"

const PIXEL = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64")

/** The open pixel of a campaign e-mail (public). A genuine token records the first open of the day; the pixel is always served. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  try {
    const token = verifyToken(linkSecret(), CAMPAIGN_TOKEN.open, String(req.params.token))
    const now = new Date()
    await recordCampaignEventsWorkflow(req.scope).run({
      input: {
        events: [
          {
            // One open per recipient and day: image proxies and re-renders do not inflate opens.
            event_key: `open:${token.r}:${now.toISOString().slice(0, 10)}`,
            recipient_id: String(token.r),
            campaign_id: String(token.c),
            type: "open",
            occurred_at: now,
            source: "tracking",
          },
        ],
      },
    })
  } catch {
    // A forged or expired pixel records nothing; mail clients still get an image.
  }
  res.setHeader("Content-Type", "image/gif")
  res.setHeader("Cache-Control", "no-store, max-age=0")
  res.status(200).send(PIXEL)
}
