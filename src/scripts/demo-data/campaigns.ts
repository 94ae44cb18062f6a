import type { MedusaContainer } from "@medusajs/framework/types"
import { EMAIL_CAMPAIGNS_MODULE } from "../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../modules/email-campaigns/service"
import { SEGMENTS_MODULE } from "../../modules/segments"
import type SegmentsModuleService from "../../modules/segments/service"
import { createEmailCampaignWorkflow } from "../../workflows/email-campaigns/upsert-email-campaign"

/** The software vendor's upgrade audience, as src/scripts/demo-data/segments.ts names it. */
const UPGRADE_SEGMENT_NAME = "Upgrade to 3.0: Europe except France, English 2.0 owners"

export const DEMO_CAMPAIGN_NAME = "PixelForge 3.0 upgrade: Europe except France, English 2.0 owners"

const UPGRADE_URL = "https://pixelforge.example/upgrade"

const html = (lines: { greeting: string; body: string; offer: string; button: string; picks: string; footer: string; unsubscribe: string }, language: string) => `<html>
<body style="font-family:Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:22px">PixelForge 3.0</h1>
<p>${lines.greeting}</p>
<p>${lines.body}</p>
<p>${lines.offer}</p>
<p><a href="${UPGRADE_URL}?edition=${language}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${lines.button}</a></p>
<p style="color:#555">${lines.picks}</p>
<p style="font-size:12px;color:#777">${lines.footer} <a href="{{unsubscribe_url}}">${lines.unsubscribe}</a></p>
</body>
</html>`

/** The vendor's upgrade e-mail in English and German (the demo has no tiers, so {{tier}} is left out). */
const TEMPLATES = [
  {
    language: "en",
    subject: "{{first_name}}, PixelForge 3.0 is ready for you",
    html: html(
      {
        greeting: "Hello {{first_name}},",
        body: "You have been creating with PixelForge 2.0 for a while. Version 3.0 brings layers with live filters, RAW development and twice the speed on the same machine.",
        offer: "As a 2.0 owner you upgrade at the loyalty price, and your {{points}} loyalty points stay yours.",
        button: "Upgrade to 3.0",
        picks: "Also popular with 2.0 owners: {{recommended_products}}",
        footer: "You get this e-mail because you own PixelForge 2.0.",
        unsubscribe: "Unsubscribe",
      },
      "en"
    ),
    text: `Hello {{first_name}},

Version 3.0 brings layers with live filters, RAW development and twice the speed.
As a 2.0 owner you upgrade at the loyalty price ({{points}} loyalty points on your account):
${UPGRADE_URL}?edition=en

Also popular with 2.0 owners: {{recommended_products}}

Unsubscribe: {{unsubscribe_url}}`,
  },
  {
    language: "de",
    subject: "{{first_name}}, PixelForge 3.0 ist bereit für Sie",
    html: html(
      {
        greeting: "Hallo {{first_name}},",
        body: "Sie arbeiten seit einiger Zeit mit PixelForge 2.0. Version 3.0 bringt Ebenen mit Live-Filtern, RAW-Entwicklung und doppelte Geschwindigkeit auf demselben Rechner.",
        offer: "Als Besitzer von 2.0 erhalten Sie den Treuepreis, und Ihre {{points}} Treuepunkte bleiben Ihnen.",
        button: "Auf 3.0 upgraden",
        picks: "Ebenfalls beliebt bei 2.0-Besitzern: {{recommended_products}}",
        footer: "Sie erhalten diese E-Mail, weil Sie PixelForge 2.0 besitzen.",
        unsubscribe: "Abmelden",
      },
      "de"
    ),
    text: `Hallo {{first_name}},

Version 3.0 bringt Ebenen mit Live-Filtern, RAW-Entwicklung und doppelte Geschwindigkeit.
Als Besitzer von 2.0 erhalten Sie den Treuepreis ({{points}} Treuepunkte auf Ihrem Konto):
${UPGRADE_URL}?edition=de

Ebenfalls beliebt bei 2.0-Besitzern: {{recommended_products}}

Abmelden: {{unsubscribe_url}}`,
  },
]

/**
 * A draft of the software vendor's upgrade campaign to its upgrade segment, so the admin opens on
 * a campaign ready to preview and send. Matched by name: a second run adds nothing. Answers how
 * many were created (none when the software case was not seeded).
 */
export async function ensureDemoCampaigns(container: MedusaContainer): Promise<number> {
  const [segment] = await container.resolve<SegmentsModuleService>(SEGMENTS_MODULE).listSegments({ name: UPGRADE_SEGMENT_NAME }, { select: ["id"] })
  if (!segment) {
    return 0
  }
  const [existing] = await container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE).listEmailCampaigns({ name: DEMO_CAMPAIGN_NAME }, { select: ["id"] })
  if (existing) {
    return 0
  }
  await createEmailCampaignWorkflow(container).run({
    input: {
      name: DEMO_CAMPAIGN_NAME,
      segment_id: segment.id,
      from_email: "news@pixelforge.example",
      from_name: "PixelForge",
      reply_to: "support@pixelforge.example",
      default_language: "en",
      holdout_percent: 10,
      attribution_window_days: 5,
      attribution_model: "click",
      utm: { source: "newsletter", medium: "email", campaign: "pf3-upgrade" },
      templates: TEMPLATES,
    },
  })
  return 1
}
