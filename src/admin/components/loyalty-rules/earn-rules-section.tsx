import { Plus } from "@medusajs/icons"
import { Badge, Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useDeleteEarnRule, useEarnRules } from "../../hooks/use-earn-rules"
import { useRuleScopes } from "../../hooks/use-rule-scopes"
import { errorMessage } from "../../lib/error-message"
import { formatDate } from "../../lib/format"
import type { EarnRule, NamedEntity } from "../../lib/types"
import { RowActions } from "../common/row-actions"
import { EarnRuleDrawer } from "./earn-rule-drawer"

const PAGE_SIZE = 20

/** The scopes a rule is limited to, as short labels: currency, region, sales channel, customer group. */
function describeScope(rule: EarnRule, scopes: ReturnType<typeof useRuleScopes>): string[] {
  const nameOf = (list: NamedEntity[], id: string | null) => id && (list.find((item) => item.id === id)?.name || id)
  return [
    rule.currency_code && rule.currency_code.toUpperCase(),
    nameOf(scopes.regions, rule.region_id),
    nameOf(scopes.salesChannels, rule.sales_channel_id),
    nameOf(scopes.customerGroups, rule.customer_group_id),
  ].filter((part): part is string => !!part)
}

function describeDates(rule: EarnRule): string {
  if (!rule.starts_at && !rule.ends_at) {
    return "Always"
  }
  return `${rule.starts_at ? formatDate(rule.starts_at) : "…"} – ${rule.ends_at ? formatDate(rule.ends_at) : "…"}`
}

/** The earn rules: list, create, edit, delete. */
export const EarnRulesSection = () => {
  const [pageIndex, setPageIndex] = useState(0)
  const [editing, setEditing] = useState<EarnRule | null>(null)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const { data, isLoading, isError, error } = useEarnRules({ limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })
  const scopes = useRuleScopes()
  const deleteRule = useDeleteEarnRule()
  const prompt = usePrompt()
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  const openDrawer = (rule: EarnRule | null) => {
    setEditing(rule)
    setDrawerOpen(true)
  }

  const onDelete = async (rule: EarnRule) => {
    const confirmed = await prompt({
      title: `Delete "${rule.name}"?`,
      description: "Orders stop earning points under this rule. Points already earned keep their rate.",
      confirmText: "Delete",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    deleteRule.mutate(rule.id, {
      onSuccess: () => toast.success("Earn rule deleted", { description: rule.name }),
      onError: (err) => toast.error("Could not delete the earn rule", { description: errorMessage(err) }),
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Earn rules</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            How many points an order earns. The most specific active rule matching an order applies.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => openDrawer(null)}>
          <Plus />
          Create
        </Button>
      </div>
      {isError ? (
        <Text size="small" className="text-ui-fg-error px-6 py-4">
          {errorMessage(error)}
        </Text>
      ) : isLoading ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          Loading earn rules…
        </Text>
      ) : count === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          No earn rules yet: orders earn no points until you create one.
        </Text>
      ) : (
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Rate</Table.HeaderCell>
                <Table.HeaderCell>Limited to</Table.HeaderCell>
                <Table.HeaderCell>Multipliers</Table.HeaderCell>
                <Table.HeaderCell>Dates</Table.HeaderCell>
                <Table.HeaderCell>Priority</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data?.earn_rules.map((rule) => {
                const scope = describeScope(rule, scopes)
                const multipliers = rule.multipliers?.items.length ?? 0
                return (
                  <Table.Row key={rule.id} className="cursor-pointer" onClick={() => openDrawer(rule)}>
                    <Table.Cell>{rule.name}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap">
                      {Number(rule.points_per_unit)} pt per {rule.currency_code?.toUpperCase() ?? "unit"}
                      {(rule.include_shipping || rule.include_tax) && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          {[rule.include_shipping && "incl. shipping", rule.include_tax && "incl. tax"]
                            .filter(Boolean)
                            .join(", ")}
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {scope.length ? (
                        <div className="flex flex-wrap gap-1">
                          {scope.map((part) => (
                            <Badge key={part} size="2xsmall">
                              {part}
                            </Badge>
                          ))}
                        </div>
                      ) : (
                        "Every order"
                      )}
                    </Table.Cell>
                    <Table.Cell>{multipliers ? multipliers : "—"}</Table.Cell>
                    <Table.Cell className="whitespace-nowrap">{describeDates(rule)}</Table.Cell>
                    <Table.Cell>{rule.priority}</Table.Cell>
                    <Table.Cell>
                      <StatusBadge color={rule.is_active ? "green" : "grey"}>
                        {rule.is_active ? "Active" : "Inactive"}
                      </StatusBadge>
                    </Table.Cell>
                    <Table.Cell onClick={(event) => event.stopPropagation()}>
                      <RowActions onEdit={() => openDrawer(rule)} onDelete={() => onDelete(rule)} />
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
          <Table.Pagination
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            pageCount={pageCount}
            canPreviousPage={pageIndex > 0}
            canNextPage={pageIndex + 1 < pageCount}
            previousPage={() => setPageIndex((index) => Math.max(0, index - 1))}
            nextPage={() => setPageIndex((index) => index + 1)}
          />
        </div>
      )}
      <EarnRuleDrawer rule={editing} open={drawerOpen} onOpenChange={setDrawerOpen} />
    </Container>
  )
}
