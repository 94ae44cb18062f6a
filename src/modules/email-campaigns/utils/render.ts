/**
 * Campaign templates for bulk sending: one body per language with per-recipient values as
 * SendGrid substitutions, so one request carries up to 1000 personalised messages. Links become
 * `{{link_N}}` (each recipient's signed click URL), an open pixel is added, and the variables
 * {{first_name}}, {{points}}, {{tier}}, {{recommended_products}}, {{unsubscribe_url}} are filled.
 */
export const TEMPLATE_VARIABLES = ["first_name", "points", "tier", "recommended_products", "unsubscribe_url"] as const

export type PreparedTemplate = { subject: string; html: string; text: string; links: string[] }

const LINK = /https?:\/\/[^\s"'<>)]+/g
const HREF = /href\s*=\s*"(https?:\/\/[^"]+)"/gi

/** Replaces every link with a numbered placeholder (the same URL shares one) and appends the open pixel. */
export function prepareTemplate(template: { subject: string; html: string; text: string }): PreparedTemplate {
  const links: string[] = []
  const placeholder = (url: string) => {
    let index = links.indexOf(url)
    if (index === -1) index = links.push(url) - 1
    return `{{link_${index}}}`
  }
  const html = template.html.replace(HREF, (_m, url: string) => `href="${placeholder(url)}"`)
  const text = template.text.replace(LINK, (url) => (url.includes("{{") ? url : placeholder(url)))
  const pixel = `<img src="{{open_url}}" width="1" height="1" alt="" style="display:none" />`
  return { subject: template.subject, html: html.includes("</body>") ? html.replace("</body>", `${pixel}</body>`) : `${html}${pixel}`, text, links }
}

const escapeHtml = (value: string) => value.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!)

/** Appends UTM tags to a link (keeping the ones it has). */
export function withUtm(url: string, utm: Record<string, string> | null | undefined): string {
  if (!utm) return url
  const parsed = new URL(url)
  for (const [key, value] of Object.entries(utm)) {
    if (value && !parsed.searchParams.has(`utm_${key}`)) parsed.searchParams.set(`utm_${key}`, value)
  }
  return parsed.toString()
}

/** The substitution values of one recipient; values are escaped, as they land in the HTML too. */
export function substitutionsFor(input: {
  first_name: string | null
  points: number
  tier: string | null
  recommended_products: string[]
  unsubscribe_url: string
  open_url: string
  click_urls: string[]
}): Record<string, string> {
  const values: Record<string, string> = {
    first_name: escapeHtml(input.first_name ?? ""),
    points: String(input.points),
    tier: escapeHtml(input.tier ?? ""),
    recommended_products: escapeHtml(input.recommended_products.join(", ")),
    unsubscribe_url: input.unsubscribe_url,
    open_url: input.open_url,
  }
  input.click_urls.forEach((url, i) => {
    values[`link_${i}`] = url
  })
  return values
}

/** The message one recipient gets, rendered locally (admin preview, test send). */
export function renderForPreview(template: PreparedTemplate, substitutions: Record<string, string>): { subject: string; html: string; text: string } {
  const fill = (s: string) => s.replace(/\{\{(\w+)\}\}/g, (m, key: string) => substitutions[key] ?? m)
  return { subject: fill(template.subject), html: fill(template.html), text: fill(template.text) }
}
