import { signToken } from "../../lib/signed-token"
import { linkSecret } from "../../lib/link-secret"

/** Token purposes of campaign links, so a token minted for one is refused by the others. */
export const CAMPAIGN_TOKEN = { open: "campaign-open", click: "campaign-click", unsubscribe: "campaign-unsubscribe" } as const

const YEAR = 365 * 86_400_000

/** The signed links of one recipient: open pixel, one click URL per template link, unsubscribe. */
export function recipientLinks(input: {
  publicUrl: string
  recipient_id: string
  campaign_id: string
  customer_id: string
  links: string[]
  linkDays: number
  now?: Date
}) {
  const base = input.publicUrl.replace(/\/$/, "")
  const now = input.now ?? new Date()
  const until = new Date(now.getTime() + input.linkDays * 86_400_000)
  const sign = (purpose: string, payload: Record<string, unknown>, expires = until) => encodeURIComponent(signToken(linkSecret(), purpose, payload, expires))
  return {
    open_url: `${base}/r/o/${sign(CAMPAIGN_TOKEN.open, { r: input.recipient_id, c: input.campaign_id })}`,
    click_urls: input.links.map((u) => `${base}/r/c/${sign(CAMPAIGN_TOKEN.click, { r: input.recipient_id, c: input.campaign_id, u })}`),
    // An unsubscribe link keeps working long after the campaign (RFC 8058 one-click too).
    unsubscribe_url: `${base}/r/u/${sign(CAMPAIGN_TOKEN.unsubscribe, { r: input.recipient_id, c: input.campaign_id, cu: input.customer_id }, new Date(now.getTime() + 5 * YEAR))}`,
  }
}
