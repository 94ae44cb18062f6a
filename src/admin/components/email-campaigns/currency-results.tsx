import { Container, Heading, Text } from "@medusajs/ui"
import {
  comparisonBars,
  formatInterval,
  formatRate,
  formatSignedRate,
  isSignificant,
  revenueBars,
  type CurrencySection,
} from "../../lib/email-campaign-report"
import { formatCount, formatMoney } from "../../lib/segment-format"
import { WhiskerBarChart } from "./whisker-bar-chart"

const GROUP_COLORS = ["var(--tag-blue-icon)", "var(--tag-neutral-icon)"]
const REVENUE_COLORS = ["var(--tag-purple-icon)", "var(--tag-green-icon)"]

const Figure = ({ label, value, detail }: { label: string; value: string; detail?: string }) => (
  <div className="flex min-w-0 flex-col">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <span className="txt-compact-large-plus tabular-nums">{value}</span>
    {detail && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {detail}
      </Text>
    )}
  </div>
)

/**
 * One currency's results: attributed revenue (net of refunds), incremental revenue and relative
 * lift with their 95 % intervals, and the charts of treated vs holdout conversion and revenue per
 * recipient (the whisker on the treated bar is the difference's interval on the holdout's level)
 * and of attributed vs incremental revenue.
 */
export const CurrencyResults = ({ section }: { section: CurrencySection }) => {
  const { currency_code: currency, lift, attributed } = section
  const money = (value: number) => formatMoney(value, currency)
  const incremental = lift?.incremental_revenue ?? null
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">Results in {currency.toUpperCase()}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Orders in {currency.toUpperCase()} only; amounts in different currencies are never added up.
        </Text>
      </div>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Figure
          label="Attributed revenue"
          value={attributed ? money(attributed.revenue) : money(0)}
          detail={`${formatCount(attributed?.orders ?? 0)} orders after a click, net of refunds`}
        />
        <Figure
          label="Incremental revenue"
          value={incremental ? money(incremental.estimate) : "—"}
          detail={incremental ? `95 %: ${money(incremental.low)} to ${money(incremental.high)}` : "needs a holdout and orders"}
        />
        <Figure
          label="Relative lift"
          value={lift?.relative_lift ? formatSignedRate(lift.relative_lift.estimate) : "—"}
          detail={lift?.relative_lift ? `95 %: ${formatSignedRate(lift.relative_lift.low)} to ${formatSignedRate(lift.relative_lift.high)}` : "needs holdout revenue"}
        />
        <Figure
          label="Conversion, treated vs holdout"
          value={lift ? `${formatRate(lift.treatment.conversion_rate)} vs ${formatRate(lift.holdout.conversion_rate)}` : "—"}
          detail={lift ? `${formatCount(lift.treatment.buyers)} of ${formatCount(lift.treatment.recipients)} vs ${formatCount(lift.holdout.buyers)} of ${formatCount(lift.holdout.recipients)} bought` : undefined}
        />
      </div>
      {lift ? (
        <>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
            <WhiskerBarChart title="Conversion rate" rows={comparisonBars(lift, "conversion_rate")} colors={GROUP_COLORS} format={(v) => formatRate(v)} />
            <WhiskerBarChart title="Revenue per recipient" rows={comparisonBars(lift, "revenue_per_recipient")} colors={GROUP_COLORS} format={money} />
            <WhiskerBarChart title="Attributed vs incremental revenue" rows={revenueBars(lift, attributed?.revenue ?? 0)} colors={REVENUE_COLORS} format={money} />
          </div>
          <Text size="small" className="text-ui-fg-subtle">
            Whiskers are 95 % intervals. On a treated bar it is the interval of the difference from the holdout, drawn on the holdout&apos;s level:
            where it reaches below the holdout&apos;s bar, the holdout cannot tell the effect from none. Incremental revenue{" "}
            {formatInterval(incremental, money)}
            {incremental ? (isSignificant(incremental) ? ": distinguishable from no effect." : ": not distinguishable from no effect yet.") : "."}
          </Text>
        </>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          No orders in {currency.toUpperCase()} from the treated or holdout recipients in the window yet.
        </Text>
      )}
    </Container>
  )
}
