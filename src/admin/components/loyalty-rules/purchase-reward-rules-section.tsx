import { Plus } from "@medusajs/icons"
import { Badge, Button, Container, Heading, StatusBadge, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useCatalogNames } from "../../hooks/use-catalog"
import { useDeletePurchaseRewardRule, usePurchaseRewardRules } from "../../hooks/use-purchase-reward-rules"
import { errorMessage } from "../../lib/error-message"
import { formatPoints } from "../../lib/format"
import { REWARD_TYPE_LABELS } from "../../lib/reward-types"
import type { PurchaseRewardRule } from "../../lib/types"
import { RowActions } from "../common/row-actions"
import { PurchaseRewardRuleDrawer } from "./purchase-reward-rule-drawer"

const PAGE_SIZE = 20

/** The "buy N, get one" rules: list, create, edit, delete. */
export const PurchaseRewardRulesSection = () => {
  const [pageIndex, setPageIndex] = useState(0)
  const [editing, setEditing] = useState<PurchaseRewardRule | null>(null)
  const [drawerOpen, setDrawerOpen] = useState(false)
  const { data, isLoading, isError, error } = usePurchaseRewardRules({
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
  })
  const rules = data?.purchase_reward_rules ?? []
  const names = useCatalogNames({
    productIds: rules.flatMap((rule) => (rule.product_id ? [rule.product_id] : [])),
    variantIds: rules.flatMap((rule) => [rule.variant_id, rule.gift_variant_id].filter((id): id is string => !!id)),
  })
  const deleteRule = useDeletePurchaseRewardRule()
  const prompt = usePrompt()
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  const openDrawer = (rule: PurchaseRewardRule | null) => {
    setEditing(rule)
    setDrawerOpen(true)
  }

  const onDelete = async (rule: PurchaseRewardRule) => {
    const confirmed = await prompt({
      title: `Delete "${rule.name}"?`,
      description: "Purchases stop counting towards this reward. Rewards already issued stay in the gift-shipment queue.",
      confirmText: "Delete",
      cancelText: "Cancel",
      variant: "danger",
    })
    if (!confirmed) {
      return
    }
    deleteRule.mutate(rule.id, {
      onSuccess: () => toast.success("Rule deleted", { description: rule.name }),
      onError: (err) => toast.error("Could not delete the rule", { description: errorMessage(err) }),
    })
  }

  const describeReward = (rule: PurchaseRewardRule) => {
    if (rule.reward_type === "bonus_points") {
      return `+${formatPoints(rule.bonus_points ?? 0)} points`
    }
    const gift = rule.gift_variant_id
      ? names.variantName(rule.gift_variant_id) ?? rule.gift_variant_id
      : "the variant bought"
    return `${rule.gift_quantity} × ${gift}`
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Buy N, get 1</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Every N units of a product a customer buys earn a gift, a free-unit code or bonus points.
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
          Loading rules…
        </Text>
      ) : count === 0 ? (
        <Text size="small" className="text-ui-fg-muted px-6 py-4">
          No buy-N-get-1 rules yet.
        </Text>
      ) : (
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Purchases of</Table.HeaderCell>
                <Table.HeaderCell>Every</Table.HeaderCell>
                <Table.HeaderCell>Reward</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {rules.map((rule) => (
                <Table.Row key={rule.id} className="cursor-pointer" onClick={() => openDrawer(rule)}>
                  <Table.Cell>{rule.name}</Table.Cell>
                  <Table.Cell>
                    <div className="flex items-center gap-x-2">
                      <Badge size="2xsmall">{rule.variant_id ? "Variant" : "Product"}</Badge>
                      <span className="truncate">
                        {rule.variant_id
                          ? names.variantName(rule.variant_id) ?? rule.variant_id
                          : names.productName(rule.product_id) ?? rule.product_id}
                      </span>
                    </div>
                  </Table.Cell>
                  <Table.Cell>{rule.every_quantity} units</Table.Cell>
                  <Table.Cell>
                    <div className="flex flex-col">
                      <Text size="small">{REWARD_TYPE_LABELS[rule.reward_type]}</Text>
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {describeReward(rule)}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <StatusBadge color={rule.is_active ? "green" : "grey"}>
                      {rule.is_active ? "Active" : "Inactive"}
                    </StatusBadge>
                  </Table.Cell>
                  <Table.Cell onClick={(event) => event.stopPropagation()}>
                    <RowActions onEdit={() => openDrawer(rule)} onDelete={() => onDelete(rule)} />
                  </Table.Cell>
                </Table.Row>
              ))}
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
      <PurchaseRewardRuleDrawer rule={editing} open={drawerOpen} onOpenChange={setDrawerOpen} />
    </Container>
  )
}
