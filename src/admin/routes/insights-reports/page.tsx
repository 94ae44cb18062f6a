import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartBar } from "@medusajs/icons"
import { Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { CohortRetentionSection } from "./components/cohort-retention-section"
import { CustomersSection } from "./components/customers-section"
import { InputField } from "./components/field"
import { LifetimeValueSection } from "./components/lifetime-value-section"
import { MarketingRevenueSection } from "./components/marketing-revenue-section"
import { PointsLiabilitySection } from "./components/points-liability-section"
import { RfmGridSection } from "./components/rfm-grid-section"
import { SalesRepsSection } from "./components/sales-reps-section"

const thisMonth = () => new Date().toISOString().slice(0, 7)
const shiftMonth = (month: string, by: number) => {
  const [y, m] = month.split("-").map(Number)
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7)
}

/** Management reports: customers, cohorts, lifetime value, RFM, sales reps, points liability, marketing revenue; each with charts and CSV. */
const InsightsReportsPage = () => {
  const [fromMonth, setFromMonth] = useState(() => shiftMonth(thisMonth(), -11))
  const [toMonth, setToMonth] = useState(thisMonth)
  // Whole UTC months, both ends included: [first day of from, first day after to).
  const period = fromMonth && toMonth ? { from: `${fromMonth}-01`, to: `${shiftMonth(toMonth, 1)}-01` } : {}
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-end justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Management reports</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            From the customer facts, the loyalty ledger, campaigns and reminders. Months are UTC; amounts are per currency, never added across currencies.
          </Text>
        </div>
        <div className="flex items-end gap-x-3">
          <InputField id="reports-from" label="From month" type="month" value={fromMonth} max={toMonth} onChange={setFromMonth} />
          <InputField id="reports-to" label="To month" type="month" value={toMonth} min={fromMonth} onChange={setToMonth} />
        </div>
      </Container>
      <Tabs defaultValue="customers">
        <Tabs.List>
          <Tabs.Trigger value="customers">Customers</Tabs.Trigger>
          <Tabs.Trigger value="retention">Cohort retention</Tabs.Trigger>
          <Tabs.Trigger value="ltv">Lifetime value</Tabs.Trigger>
          <Tabs.Trigger value="rfm">RFM grid</Tabs.Trigger>
          <Tabs.Trigger value="reps">Sales reps</Tabs.Trigger>
          <Tabs.Trigger value="points">Points liability</Tabs.Trigger>
          <Tabs.Trigger value="marketing">Campaigns and reminders</Tabs.Trigger>
        </Tabs.List>
        <Tabs.Content value="customers" className="mt-3">
          <CustomersSection period={period} />
        </Tabs.Content>
        <Tabs.Content value="retention" className="mt-3">
          <CohortRetentionSection period={period} />
        </Tabs.Content>
        <Tabs.Content value="ltv" className="mt-3">
          <LifetimeValueSection period={period} />
        </Tabs.Content>
        <Tabs.Content value="rfm" className="mt-3">
          <RfmGridSection />
        </Tabs.Content>
        <Tabs.Content value="reps" className="mt-3">
          <SalesRepsSection period={period} />
        </Tabs.Content>
        <Tabs.Content value="points" className="mt-3">
          <PointsLiabilitySection period={period} />
        </Tabs.Content>
        <Tabs.Content value="marketing" className="mt-3">
          <MarketingRevenueSection period={period} />
        </Tabs.Content>
      </Tabs>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Reports",
  icon: ChartBar,
})

export default InsightsReportsPage
