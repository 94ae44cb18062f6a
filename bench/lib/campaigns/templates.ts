/**
 * BENCH-ONLY. The campaign the bench sends: the software vendor's upgrade e-mail (as the demo's
 * draft, src/scripts/demo-data/campaigns.ts) in English and German, every template variable in
 * use, two tracked links and the unsubscribe link, UTM tags, a 10 % holdout.
 */
const UPGRADE_URL = "https://pixelforge.example/upgrade"

const html = (l: { greeting: string; body: string; offer: string; button: string; picks: string; footer: string; unsubscribe: string }, language: string) => `<html>
<body style="font-family:Helvetica,Arial,sans-serif;color:#1a1a1a;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:22px">PixelForge 3.0</h1>
<p>${l.greeting}</p>
<p>${l.body}</p>
<p>${l.offer}</p>
<p><a href="${UPGRADE_URL}?edition=${language}" style="display:inline-block;background:#4f46e5;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${l.button}</a></p>
<p style="color:#555">${l.picks} <a href="https://pixelforge.example/add-ons">PixelForge add-ons</a></p>
<p style="font-size:12px;color:#777">${l.footer} <a href="{{unsubscribe_url}}">${l.unsubscribe}</a></p>
</body>
</html>`

export const BENCH_TEMPLATES = [
  {
    language: "en",
    subject: "{{first_name}}, PixelForge 3.0 is ready for you",
    html: html(
      {
        greeting: "Hello {{first_name}},",
        body: "You have been creating with PixelForge 2.0 for a while. Version 3.0 brings layers with live filters, RAW development and twice the speed on the same machine.",
        offer: "As a {{tier}} member with {{points}} points, you upgrade at the loyalty price.",
        button: "Upgrade to 3.0",
        picks: "Also popular: {{recommended_products}}.",
        footer: "You get this e-mail because you own PixelForge 2.0.",
        unsubscribe: "Unsubscribe",
      },
      "en"
    ),
    text: `Hello {{first_name}},

Version 3.0 brings layers with live filters, RAW development and twice the speed.
As a {{tier}} member with {{points}} points, you upgrade at the loyalty price:
${UPGRADE_URL}?edition=en

Also popular: {{recommended_products}}

Unsubscribe: {{unsubscribe_url}}`,
  },
  {
    language: "de",
    subject: "{{first_name}}, PixelForge 3.0 ist bereit für Sie",
    html: html(
      {
        greeting: "Hallo {{first_name}},",
        body: "Sie arbeiten seit einiger Zeit mit PixelForge 2.0. Version 3.0 bringt Ebenen mit Live-Filtern, RAW-Entwicklung und doppelte Geschwindigkeit auf demselben Rechner.",
        offer: "Als {{tier}}-Mitglied mit {{points}} Punkten erhalten Sie den Treuepreis.",
        button: "Auf 3.0 upgraden",
        picks: "Ebenfalls beliebt: {{recommended_products}}.",
        footer: "Sie erhalten diese E-Mail, weil Sie PixelForge 2.0 besitzen.",
        unsubscribe: "Abmelden",
      },
      "de"
    ),
    text: `Hallo {{first_name}},

Version 3.0 bringt Ebenen mit Live-Filtern, RAW-Entwicklung und doppelte Geschwindigkeit.
Als {{tier}}-Mitglied mit {{points}} Punkten erhalten Sie den Treuepreis:
${UPGRADE_URL}?edition=de

Ebenfalls beliebt: {{recommended_products}}

Abmelden: {{unsubscribe_url}}`,
  },
]

/** The campaign's fields besides its segment and name. */
export const BENCH_CAMPAIGN = {
  from_email: "news@pixelforge.example",
  from_name: "PixelForge",
  reply_to: "support@pixelforge.example",
  default_language: "en",
  holdout_percent: 10,
  attribution_window_days: 5,
  attribution_model: "click" as const,
  utm: { source: "newsletter", medium: "email", campaign: "pf3-upgrade" },
}
