import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { useState } from "react"
import { AdjustPointsDrawer } from "../components/customer-loyalty/adjust-points-drawer"
import { BalanceSummary } from "../components/customer-loyalty/balance-summary"
import { OpenLotsTable } from "../components/customer-loyalty/open-lots-table"
import { PointsHistory } from "../components/customer-loyalty/points-history"
import { useCustomerLoyalty } from "../hooks/use-customer-loyalty"
import { errorMessage } from "../lib/error-message"

/** The customer's loyalty points on their page: balance, open lots, history and manual adjustments. */
const CustomerLoyaltyWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useCustomerLoyalty(customer.id)
  // Bumped after an adjustment: the history starts again at its first page, where the new entry is.
  const [historyKey, setHistoryKey] = useState(0)

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Loyalty points</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Earned on orders, spent at checkout, adjusted by hand.
          </Text>
        </div>
        {data && (
          <AdjustPointsDrawer
            customerId={customer.id}
            available={data.balance.available}
            onAdjusted={() => setHistoryKey((key) => key + 1)}
          />
        )}
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(error)}
        </Text>
      ) : isLoading || !data ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          Loading points…
        </Text>
      ) : (
        <>
          <BalanceSummary balance={data.balance} />
          <OpenLotsTable lots={data.lots} />
          <PointsHistory key={historyKey} customerId={customer.id} />
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "retention:customer-loyalty",
})

export default CustomerLoyaltyWidget
