import { Text } from "@medusajs/ui"
import { useState } from "react"
import { currenciesOf, formatCount, formatMoney } from "../format"
import type { RfmGridReport } from "../types"
import { useReport } from "../use-report"
import { CsvButton } from "./csv-button"
import { CurrencyField } from "./field"
import { ReportSection } from "./section"

const SCORES = [1, 2, 3, 4, 5]

/** The RFM grid: recency down (5 = most recent at the top), frequency across; cell shade by customers, revenue in the chosen currency. */
export const RfmGridSection = () => {
  const query = useReport<RfmGridReport>("rfm-grid", {})
  const [picked, setCurrency] = useState("")
  const cells = query.data?.cells ?? []
  const currencies = currenciesOf(cells.flatMap((c) => c.revenue.map((r) => r.currency_code)))
  const currency = currencies.includes(picked) ? picked : (currencies[0] ?? "")
  const most = Math.max(1, ...cells.map((c) => c.customers))
  const cell = (r: number, f: number) => cells.find((c) => c.r === r && c.f === f)
  return (
    <ReportSection
      title="RFM grid"
      description="Customers by recency (rows) and frequency (columns) score, 1–5 by quintile as the customer facts score them (refreshed nightly), with their spend to date in the chosen currency."
      controls={
        <>
          <CurrencyField id="rfm-currency" currencies={currencies} value={currency} onChange={setCurrency} />
          <CsvButton name="rfm-grid" query={{}} />
        </>
      }
      query={query}
      isEmpty={cells.every((c) => c.customers === 0)}
      emptyText="No scored customers yet (scores are computed nightly and after a backfill)."
    >
      <div className="grid grid-cols-[auto_repeat(5,minmax(0,1fr))] gap-1 px-6 py-4">
        <div />
        {SCORES.map((f) => (
          <Text key={f} size="xsmall" weight="plus" className="text-center">
            F{f}
          </Text>
        ))}
        {[...SCORES].reverse().map((r) => (
          <div key={r} className="contents">
            <Text size="xsmall" weight="plus" className="self-center pr-2">
              R{r}
            </Text>
            {SCORES.map((f) => {
              const c = cell(r, f)
              const amount = c?.revenue.find((x) => x.currency_code === currency)?.amount
              return (
                <div
                  key={f}
                  className="rounded-md p-2 text-center"
                  style={{ backgroundColor: `color-mix(in srgb, var(--tag-purple-icon) ${Math.round(((c?.customers ?? 0) / most) * 70)}%, var(--bg-subtle))` }}
                >
                  <Text size="small" weight="plus">
                    {formatCount(c?.customers ?? 0)}
                  </Text>
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {amount ? formatMoney(amount, currency) : "–"}
                  </Text>
                </div>
              )
            })}
          </div>
        ))}
      </div>
      {query.data && query.data.unscored_customers > 0 && (
        <Text size="xsmall" className="text-ui-fg-muted px-6 pb-4">
          {formatCount(query.data.unscored_customers)} customers with orders are not scored yet.
        </Text>
      )}
    </ReportSection>
  )
}
