import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowUpRightOnBox, Sparkles } from "@medusajs/icons"
import { Button, Container, Heading, Tabs, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { BalanceCheckSection } from "../../components/loyalty-rules/balance-check-section"
import { EarnRulesSection } from "../../components/loyalty-rules/earn-rules-section"
import { PurchaseRewardRulesSection } from "../../components/loyalty-rules/purchase-reward-rules-section"
import { PointsReportSection } from "../../components/loyalty-report/points-report-section"
import { TiersSection } from "../../components/loyalty-tiers/tiers-section"

/** The loyalty programme: earn rules, tiers, buy-N-get-1 rules, the points report, the gift queue and a ledger check. */
const LoyaltyPage = () => (
  <div className="flex flex-col gap-y-3">
    <Container className="flex items-center justify-between px-6 py-4">
      <div>
        <Heading level="h1">Loyalty</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          How customers earn points, reach tiers and purchase rewards, and what the points add up to.
        </Text>
      </div>
      <Button size="small" variant="secondary" asChild>
        <Link to="/loyalty/gift-shipments">
          Gift-shipment queue
          <ArrowUpRightOnBox />
        </Link>
      </Button>
    </Container>
    <Tabs defaultValue="earn-rules">
      <Tabs.List>
        <Tabs.Trigger value="earn-rules">Earn rules</Tabs.Trigger>
        <Tabs.Trigger value="tiers">Tiers</Tabs.Trigger>
        <Tabs.Trigger value="purchase-rewards">Buy N, get 1</Tabs.Trigger>
        <Tabs.Trigger value="report">Report</Tabs.Trigger>
        <Tabs.Trigger value="balance-check">Balance check</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="earn-rules" className="mt-3">
        <EarnRulesSection />
      </Tabs.Content>
      <Tabs.Content value="tiers" className="mt-3">
        <TiersSection />
      </Tabs.Content>
      <Tabs.Content value="purchase-rewards" className="mt-3">
        <PurchaseRewardRulesSection />
      </Tabs.Content>
      <Tabs.Content value="report" className="mt-3">
        <PointsReportSection />
      </Tabs.Content>
      <Tabs.Content value="balance-check" className="mt-3">
        <BalanceCheckSection />
      </Tabs.Content>
    </Tabs>
  </div>
)

export const config = defineRouteConfig({
  label: "Loyalty",
  icon: Sparkles,
})

export default LoyaltyPage
