import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { linkSecret } from "../../../../lib/link-secret"
import { verifyToken } from "../../../../lib/signed-token"
import { recordCampaignEventsWorkflow } from "../../../../workflows/email-campaigns/record-campaign-events"
import { CAMPAIGN_TOKEN } from "../../../../workflows/email-campaigns/campaign-links"

const page = (body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Unsubscribe</title></head>` +
  `<body style="font-family:sans-serif;max-width:32rem;margin:3rem auto">${body}</body></html>`

/** The unsubscribe link of a campaign e-mail (public): a page with one button, so link scanners do not unsubscribe anyone. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  verifyToken(linkSecret(), CAMPAIGN_TOKEN.unsubscribe, String(req.params.token))
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.send(
    page(
      `<h1>Unsubscribe</h1><p>You will no longer receive marketing e-mails from us.</p>` +
        `<form method="post"><button type="submit" name="List-Unsubscribe" value="One-Click">Unsubscribe</button></form>`
    )
  )
}

/**
 * Unsubscribes (the page's button, and RFC 8058 one-click from the List-Unsubscribe-Post header):
 * e-mail marketing consent is withdrawn in the consent ledger; only the customer can give it back.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const token = verifyToken(linkSecret(), CAMPAIGN_TOKEN.unsubscribe, String(req.params.token))
  await recordCampaignEventsWorkflow(req.scope).run({
    input: {
      events: [
        {
          event_key: `unsubscribe:${token.r}`,
          recipient_id: String(token.r),
          campaign_id: String(token.c),
          type: "unsubscribe",
          occurred_at: new Date(),
          source: "tracking",
        },
      ],
    },
  })
  res.setHeader("Content-Type", "text/html; charset=utf-8")
  res.send(page(`<h1>You are unsubscribed</h1><p>You will no longer receive marketing e-mails from us.</p>`))
}
