import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import type { FetchError } from "@medusajs/js-sdk"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import { QueryState } from "../components/common/query-state"
import { exitReasonLabel, journeyStatusColor, type CustomerJourney } from "../lib/customer-journeys"
import { formatDateTime } from "../lib/format"
import { sdk } from "../lib/sdk"
import { describeStep, placeLabel, stepAtPath } from "../routes/automations/lib/describe"
import { useAutomation } from "../routes/automations/lib/use-automations"

/**
 * Where a journey is: the step it waits in or runs next, in words. Its step_index is a place of
 * the automation's flat program, whose path names the step in the tree (branches included).
 */
const JourneyStep = ({ journey }: { journey: CustomerJourney }) => {
  const { data } = useAutomation(journey.automation_id)
  const automation = data?.automation
  if (journey.status === "completed") {
    return <>Done</>
  }
  const place = automation?.program?.find((p) => p.index === journey.step_index)
  const step = place && automation ? stepAtPath(automation.steps, place.path) : undefined
  const label = `At ${place ? placeLabel(place.path) : `step ${journey.step_index + 1}`}`
  if (journey.status === "exited") {
    return <>{`Left ${label.toLowerCase()}`}</>
  }
  return <>{step ? `${label}: ${describeStep(step)}` : label}</>
}

/**
 * The automations a customer is in or was in, on their page: the step each journey is at, when
 * its next step runs, and why it ended early; each links to its automation.
 */
const CustomerAutomationsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error } = useQuery<{ journeys: CustomerJourney[] }, FetchError>({
    queryKey: ["automations", "customer", customer.id],
    queryFn: () => sdk.client.fetch(`/admin/automations/customers/${customer.id}`),
  })
  const journeys = data?.journeys ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Automations</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The automations this customer entered, the step each is at and when it runs next.
        </Text>
      </div>
      <QueryState
        isError={isError}
        error={error}
        isLoading={isLoading}
        loadingText="Loading automations…"
        isEmpty={!journeys.length}
        emptyText="Not in any automation."
      >
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Automation</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell>Step</Table.HeaderCell>
              <Table.HeaderCell>Next run</Table.HeaderCell>
              <Table.HeaderCell>Entered</Table.HeaderCell>
              <Table.HeaderCell>Exited because</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {journeys.map((journey) => (
              <Table.Row key={journey.id}>
                <Table.Cell>
                  <Link to={`/automations/${journey.automation_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                    {journey.automation_name}
                  </Link>
                </Table.Cell>
                <Table.Cell>
                  <div className="flex items-center gap-x-1">
                    <Badge size="2xsmall" color={journeyStatusColor(journey.status)}>
                      {journey.status}
                    </Badge>
                    {journey.is_holdout && (
                      <Badge size="2xsmall" color="purple" title="Held out for the report: the steps do not send or give anything">
                        holdout
                      </Badge>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell>
                  <JourneyStep journey={journey} />
                </Table.Cell>
                <Table.Cell>{journey.status === "active" ? formatDateTime(journey.next_run_at) : "—"}</Table.Cell>
                <Table.Cell>{formatDateTime(journey.entered_at)}</Table.Cell>
                <Table.Cell>{journey.status === "exited" ? exitReasonLabel(journey.exit_reason) : "—"}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </QueryState>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "retention:customer-automations",
})

export default CustomerAutomationsWidget
