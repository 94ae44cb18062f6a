import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Text } from "@medusajs/ui"
import { CustomerFactsSummary } from "../components/segments/customer-facts-summary"
import { CustomerSpendTable } from "../components/segments/customer-spend-table"
import { CustomerTopProducts } from "../components/segments/customer-top-products"
import { useCustomerFacts } from "../hooks/use-customer-facts"
import { errorMessage } from "../lib/error-message"
import { formatDateTime } from "../lib/format"

/** What segments see of a customer: orders, spend per currency, RFM, consent, points, tier and top products. */
const CustomerFactsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useCustomerFacts(customer.id)
  const fact = data?.fact

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Customer facts</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {fact ? `What segments read about this customer, updated ${formatDateTime(fact.refreshed_at)}.` : "What segments read about this customer."}
        </Text>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(error)}
        </Text>
      ) : isLoading || !data ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          Loading facts…
        </Text>
      ) : !fact ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          No facts yet: they are built at the customer's next order or profile change, or by the facts backfill.
        </Text>
      ) : (
        <>
          <CustomerFactsSummary fact={fact} />
          {data.spend.length > 0 && <CustomerSpendTable spend={data.spend} />}
          {data.products.length > 0 && <CustomerTopProducts products={data.products} />}
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "retention:customer-facts",
})

export default CustomerFactsWidget
