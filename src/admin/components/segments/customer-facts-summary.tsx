import { Badge, Text, Tooltip } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useLookupNames } from "../../hooks/use-segment-lookups"
import { formatDate } from "../../lib/format"
import { countryName } from "../../lib/segment-labels"
import { formatCount, formatMoney } from "../../lib/segment-format"
import type { CustomerFact } from "../../lib/segment-types"

const Stat = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex flex-col gap-y-0.5">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="txt-compact-small-plus text-ui-fg-base">{children}</div>
  </div>
)

const RFM = [
  { key: "r_score", letter: "R", meaning: "Recency: 5 = ordered most recently" },
  { key: "f_score", letter: "F", meaning: "Frequency: 5 = orders most often" },
  { key: "m_score", letter: "M", meaning: "Monetary: 5 = spends the most (main currency)" },
] as const

const CONSENTS = [
  { key: "email_marketing_consent", label: "E-mail" },
  { key: "sms_marketing_consent", label: "SMS" },
  { key: "tracking_consent", label: "Tracking" },
] as const

/** The customer's facts at a glance: orders, dates, spend, RFM quintiles, consent, points and tier. */
export const CustomerFactsSummary = ({ fact }: { fact: CustomerFact }) => {
  const tiers = useLookupNames("tier_ids", fact.tier_id ? [fact.tier_id] : [])
  const place = [fact.city, fact.country_code ? countryName(fact.country_code) : null].filter(Boolean).join(", ")
  return (
    <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-4">
      <Stat label="Orders">{formatCount(fact.order_count)}</Stat>
      <Stat label="Spent (main currency)">{formatMoney(fact.total_spent, fact.main_currency_code)}</Stat>
      <Stat label="Average order">{formatMoney(fact.average_order_value, fact.main_currency_code)}</Stat>
      <Stat label="Location">{place || "—"}</Stat>
      <Stat label="First order">{formatDate(fact.first_order_at)}</Stat>
      <Stat label="Last order">{formatDate(fact.last_order_at)}</Stat>
      <Stat label="Points">{formatCount(fact.points_balance)}</Stat>
      <Stat label="Tier">{fact.tier_id ? (tiers.data?.get(fact.tier_id)?.label ?? fact.tier_id) : "—"}</Stat>
      <Stat label="RFM scores">
        <div className="flex gap-x-1">
          {RFM.map(({ key, letter, meaning }) => (
            <Tooltip key={key} content={meaning}>
              <Badge size="2xsmall" color={(fact[key] ?? 0) >= 4 ? "green" : (fact[key] ?? 0) >= 2 ? "blue" : "grey"}>
                {letter} {fact[key] ?? "–"}
              </Badge>
            </Tooltip>
          ))}
        </div>
      </Stat>
      <Stat label="Consent">
        <div className="flex flex-wrap gap-1">
          {CONSENTS.map(({ key, label }) => (
            <Badge key={key} size="2xsmall" color={fact[key] ? "green" : "grey"}>
              {label}: {fact[key] ? "yes" : "no"}
            </Badge>
          ))}
        </div>
      </Stat>
    </div>
  )
}
