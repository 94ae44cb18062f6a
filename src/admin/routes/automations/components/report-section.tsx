import { Container, Heading, Table, Text } from "@medusajs/ui"
import { errorMessage } from "../../../lib/error-message"
import { useAutomationReport } from "../lib/use-automations"

const pct = (v: number) => `${(v * 100).toFixed(1)} %`

/** The automation's report: the funnel of journeys, messages, and conversions treated vs holdout. */
export const AutomationReportSection = ({ id }: { id: string }) => {
  const { data, error, isLoading } = useAutomationReport(id)
  if (error) return <Text className="text-ui-fg-error">{errorMessage(error)}</Text>
  if (isLoading || !data) return <Text>Loading…</Text>
  const r = data.report
  const tiles: [string, number | string][] = [
    ["Entered", r.entered.total],
    ["Treated / holdout", `${r.entered.treated} / ${r.entered.holdout}`],
    ["In progress", r.in_progress],
    ["Completed", r.completed],
    ["E-mails sent", r.messages.sent],
  ]
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <Heading level="h2">Report</Heading>
      <div className="grid grid-cols-5 gap-3">
        {tiles.map(([label, value]) => (
          <div key={label} className="bg-ui-bg-subtle rounded-md p-3">
            <Text size="xsmall" className="text-ui-fg-subtle">
              {label}
            </Text>
            <Text size="xlarge" weight="plus">
              {value}
            </Text>
          </div>
        ))}
      </div>
      <Text size="small">
        Exited: {Object.entries(r.exited).map(([reason, n]) => `${reason.replace(/_/g, " ")} ${n}`).join(", ") || "none"}. Suppressed e-mails:{" "}
        {Object.entries(r.messages.suppressed).map(([reason, n]) => `${reason.replace(/_/g, " ")} ${n}`).join(", ") || "none"}.
      </Text>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Currency</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Treated buyers</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Treated revenue</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Holdout buyers</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Holdout revenue</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Conversion lift (95 %)</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {r.conversions.map((c) => {
            const lift = r.lift.find((l) => l.currency_code === c.currency_code)?.conversion_difference
            return (
              <Table.Row key={c.currency_code}>
                <Table.Cell>{c.currency_code.toUpperCase()}</Table.Cell>
                <Table.Cell className="text-right">{c.treated_buyers}</Table.Cell>
                <Table.Cell className="text-right">{c.treated_revenue}</Table.Cell>
                <Table.Cell className="text-right">{c.holdout_buyers}</Table.Cell>
                <Table.Cell className="text-right">{c.holdout_revenue}</Table.Cell>
                <Table.Cell className="text-right">{lift ? `${pct(lift.estimate)} (${pct(lift.low)} … ${pct(lift.high)})` : "no holdout"}</Table.Cell>
              </Table.Row>
            )
          })}
        </Table.Body>
      </Table>
      <Text size="xsmall" className="text-ui-fg-subtle">
        Conversions: orders within {"the attribution window"} after entering, net of refunds. Lift: treated − holdout conversion rate, as for e-mail campaigns.
      </Text>
    </Container>
  )
}
