import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Table, Text } from "@medusajs/ui"
import type { ReminderSummaryJson } from "../components/reminders/types"
import { useCustomerReminders } from "../hooks/use-reminders"
import { errorMessage } from "../lib/error-message"
import { formatDate } from "../lib/format"

const STATUS_COLORS: Record<ReminderSummaryJson["status"], "green" | "orange" | "grey" | "red" | "blue"> = {
  scheduled: "blue",
  claimed: "blue",
  sent: "green",
  suppressed: "orange",
  withdrawn: "grey",
  failed: "red",
}

const ReminderCell = ({ reminder, empty }: { reminder: ReminderSummaryJson | null; empty: string }) =>
  reminder ? (
    <div className="flex flex-col">
      <div className="flex items-center gap-x-2">
        <StatusBadge color={STATUS_COLORS[reminder.status]}>{reminder.status}</StatusBadge>
        <Text size="small">{formatDate(reminder.sent_at ?? reminder.due_at)}</Text>
      </div>
      {reminder.reason && (
        <Text size="xsmall" className="text-ui-fg-muted">
          {reminder.reason.replace(/_/g, " ")}
        </Text>
      )}
    </div>
  ) : (
    <Text size="small" className="text-ui-fg-muted">
      {empty}
    </Text>
  )

/** The customer's supplies on their page: until when each rule's products last, the next reminder and the last one. */
const CustomerRemindersWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useCustomerReminders(customer.id)
  const coverage = data?.reminders.coverage ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Repurchase reminders</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Until when their purchases last, and when they are reminded to reorder.
        </Text>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(error)}
        </Text>
      ) : isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          Loading reminders…
        </Text>
      ) : coverage.length === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          No purchases of a product with a reminder rule.
        </Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Lasts until</Table.HeaderCell>
              <Table.HeaderCell>Next reminder</Table.HeaderCell>
              <Table.HeaderCell>Last reminder</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {coverage.map((row) => (
              <Table.Row key={row.rule_id}>
                <Table.Cell>
                  {row.rule_title ?? row.product_id}
                  <Text size="xsmall" className="text-ui-fg-muted">
                    {row.units} units{row.cycle_days !== null ? ` · ${Math.round(row.cycle_days * 10) / 10} d/unit (${row.cycle_source})` : " · no cycle yet"}
                    {row.is_active ? "" : " · rule off"}
                  </Text>
                </Table.Cell>
                <Table.Cell>{formatDate(row.covered_until)}</Table.Cell>
                <Table.Cell>
                  <ReminderCell reminder={row.next_reminder} empty="None scheduled" />
                </Table.Cell>
                <Table.Cell>
                  <ReminderCell reminder={row.last_reminder} empty="None yet" />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "retention:customer-reminders",
})

export default CustomerRemindersWidget
