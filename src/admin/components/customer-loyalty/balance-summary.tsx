import { Text, clx } from "@medusajs/ui"
import { formatDate, formatPoints } from "../../lib/format"
import type { PointsBalance } from "../../lib/types"

type Stat = { label: string; value: string; hint?: string; tone?: "danger" }

/** The customer's points at a glance: what they can spend now, what is on hold, what they owe. */
export const BalanceSummary = ({ balance }: { balance: PointsBalance }) => {
  const stats: Stat[] = [
    { label: "Available", value: formatPoints(balance.available), hint: "Can be redeemed now" },
    { label: "Balance", value: formatPoints(balance.balance), hint: "Ledger total" },
    { label: "Pending", value: formatPoints(balance.pending), hint: "Usable after the return window" },
    ...(balance.debt > 0
      ? [{ label: "Debt", value: formatPoints(balance.debt), hint: "Taken back after a refund", tone: "danger" as const }]
      : []),
    { label: "Lifetime earned", value: formatPoints(balance.lifetime_earned) },
    {
      label: "Next expiry",
      value: balance.next_expiry ? `${formatPoints(balance.next_expiry.points)} pts` : "—",
      hint: balance.next_expiry ? `on ${formatDate(balance.next_expiry.expires_at)}` : "Nothing expires",
    },
  ]
  return (
    <div className="grid grid-cols-2 gap-4 px-6 py-4 md:grid-cols-3">
      {stats.map((stat) => (
        <div key={stat.label} className="flex flex-col gap-y-0.5">
          <Text size="small" leading="compact" className="text-ui-fg-subtle">
            {stat.label}
          </Text>
          <Text
            size="large"
            weight="plus"
            leading="compact"
            className={clx(stat.tone === "danger" && "text-ui-fg-error")}
          >
            {stat.value}
          </Text>
          {stat.hint && (
            <Text size="xsmall" leading="compact" className="text-ui-fg-muted">
              {stat.hint}
            </Text>
          )}
        </div>
      ))}
    </div>
  )
}
