import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Bolt } from "@medusajs/icons"
import { Button, Container, Heading, Switch, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { errorMessage } from "../../lib/error-message"
import { describeTrigger } from "./lib/describe"
import { useAutomations, useSaveAutomation } from "./lib/use-automations"

const PAGE = 20

/** Automations: each with its trigger, on/off and how many customers entered, are in it, got a message. */
const AutomationsPage = () => {
  const [offset, setOffset] = useState(0)
  const navigate = useNavigate()
  const { data, isLoading, error } = useAutomations({ limit: PAGE, offset })
  const save = useSaveAutomation()
  const toggle = (id: string, is_active: boolean) =>
    save.mutate(
      { id, body: { is_active } },
      { onError: (e) => toast.error("Could not switch the automation", { description: errorMessage(e) }) }
    )
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Automations</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Messages and rewards triggered by what customers do: an abandoned cart, a lapse, a segment, an order.
          </Text>
        </div>
        <Button size="small" variant="secondary" asChild>
          <Link to="/automations/create">Create</Link>
        </Button>
      </div>
      {error ? (
        <Text className="text-ui-fg-error px-6 py-4">{errorMessage(error)}</Text>
      ) : isLoading ? (
        <Text className="px-6 py-4">Loading…</Text>
      ) : !data?.automations.length ? (
        <Text className="text-ui-fg-subtle px-6 py-4">No automations yet.</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell>Trigger</Table.HeaderCell>
              <Table.HeaderCell>Steps</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Entered</Table.HeaderCell>
              <Table.HeaderCell className="text-right">In progress</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Sent</Table.HeaderCell>
              <Table.HeaderCell>On</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.automations.map((a) => (
              <Table.Row key={a.id} className="cursor-pointer" onClick={() => navigate(`/automations/${a.id}`)}>
                <Table.Cell>{a.name}</Table.Cell>
                <Table.Cell>{describeTrigger(a.trigger)}</Table.Cell>
                <Table.Cell>{a.steps.length}</Table.Cell>
                <Table.Cell className="text-right">{a.counts?.entered ?? 0}</Table.Cell>
                <Table.Cell className="text-right">{a.counts?.active ?? 0}</Table.Cell>
                <Table.Cell className="text-right">{a.counts?.sent ?? 0}</Table.Cell>
                <Table.Cell onClick={(e) => e.stopPropagation()}>
                  <Switch checked={a.is_active} onCheckedChange={(on) => toggle(a.id, on)} aria-label={`Switch ${a.name} on or off`} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {data && data.count > PAGE ? (
        <Table.Pagination
          count={data.count}
          pageSize={PAGE}
          pageIndex={offset / PAGE}
          pageCount={Math.ceil(data.count / PAGE)}
          canPreviousPage={offset > 0}
          canNextPage={offset + PAGE < data.count}
          previousPage={() => setOffset(Math.max(0, offset - PAGE))}
          nextPage={() => setOffset(offset + PAGE)}
        />
      ) : null}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "Automations", icon: Bolt })

export default AutomationsPage
