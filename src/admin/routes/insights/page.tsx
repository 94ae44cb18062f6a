import { defineRouteConfig } from "@medusajs/admin-sdk"
import { LightBulb } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Select, Table, Text, toast } from "@medusajs/ui"
import type { FetchError } from "@medusajs/js-sdk"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { errorMessage } from "../../lib/error-message"
import { sdk } from "../../lib/sdk"
import { NewPropensityModelDrawer } from "./components/new-propensity-model-drawer"
import { PropensityModelDrawer } from "./components/propensity-model-drawer"
import { propensityStatusColor } from "./lib/propensity-status"
import { usePropensityModels, useSavePropensitySegment } from "./lib/use-propensity-models"

type CoPurchaseItem = {
  related_key: string
  related_product: { title: string } | null
  pair_count: number
  product_count: number
  related_count: number
  basket_count: number
  confidence: number
  lift: number
}
type CoPurchasesResponse = { product: { key: string; title?: string }; computed_at: string | null; items: CoPurchaseItem[]; count: number }

const percent = (v: number) => `${(v * 100).toFixed(1)} %`

/** "Promote together with X": the products bought with a product, best lift first, with their counts. */
const PromoteTogether = () => {
  const [productId, setProductId] = useState("")
  const [scope, setScope] = useState("order")
  const [asked, setAsked] = useState<string | null>(null)
  const pairs = useQuery<CoPurchasesResponse, FetchError>({
    queryKey: ["insights", "co-purchases", asked, scope],
    queryFn: () => sdk.client.fetch(`/admin/insights/co-purchases`, { query: { product_id: asked, scope, limit: 20 } }),
    enabled: !!asked,
  })
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">Promote together with…</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Lift above 1: bought together more often than chance. Confidence: share of the product's baskets that hold the other one.
        </Text>
      </div>
      <form
        className="flex items-center gap-x-2"
        onSubmit={(e) => {
          e.preventDefault()
          setAsked(productId.trim() || null)
        }}
      >
        <Input size="small" placeholder="prod_…" value={productId} onChange={(e) => setProductId(e.target.value)} />
        <Select size="small" value={scope} onValueChange={setScope}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="order">In one order</Select.Item>
            <Select.Item value="window">Within the window, across orders</Select.Item>
          </Select.Content>
        </Select>
        <Button size="small" type="submit">
          Show
        </Button>
      </form>
      {pairs.error && <Text className="text-ui-fg-error">{errorMessage(pairs.error)}</Text>}
      {pairs.data && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Product</Table.HeaderCell>
              <Table.HeaderCell>Lift</Table.HeaderCell>
              <Table.HeaderCell>Confidence</Table.HeaderCell>
              <Table.HeaderCell>Together / with it / with the other / all</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {pairs.data.items.map((item) => (
              <Table.Row key={item.related_key}>
                <Table.Cell>{item.related_product?.title ?? item.related_key}</Table.Cell>
                <Table.Cell>{item.lift.toFixed(2)}</Table.Cell>
                <Table.Cell>{percent(item.confidence)}</Table.Cell>
                <Table.Cell>
                  {item.pair_count} / {item.product_count} / {item.related_count} / {item.basket_count}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

/**
 * Propensity models with their held-out AUC and lift, "New model", and "save the top 1,000 as a
 * segment"; a row opens the model's detail drawer.
 */
const PropensityModels = () => {
  const models = usePropensityModels()
  const segment = useSavePropensitySegment()
  const [creating, setCreating] = useState(false)
  const [openId, setOpenId] = useState<string | null>(null)
  const saveTop = (id: string) =>
    segment.mutate(
      { id, top_k: 1000 },
      {
        onSuccess: () => toast.success("Segment saved", { description: "Campaigns can target it now." }),
        onError: (error) => toast.error("Could not save the segment", { description: errorMessage(error) }),
      }
    )
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">Who will buy next</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            AUC 0.5 is a coin toss, 1.0 a perfect ranking; lift at the top 10 %: how much likelier the best-scored tenth bought than anyone (held-out period).
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
          New model
        </Button>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Model</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>AUC</Table.HeaderCell>
            <Table.HeaderCell>Lift top 10 %</Table.HeaderCell>
            <Table.HeaderCell>Scored</Table.HeaderCell>
            <Table.HeaderCell />
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {(models.data?.propensity_models ?? []).map((m) => (
            <Table.Row key={m.id} className="cursor-pointer" onClick={() => setOpenId(m.id)}>
              <Table.Cell>
                {m.name} <span className="text-ui-fg-muted">({m.horizon_days} days)</span>
              </Table.Cell>
              <Table.Cell title={m.failure ?? undefined}>
                <Badge size="2xsmall" color={propensityStatusColor(m.status)}>
                  {m.status}
                </Badge>
              </Table.Cell>
              <Table.Cell>{m.auc?.toFixed(3) ?? "–"}</Table.Cell>
              <Table.Cell>{m.lift_top_decile ? `${m.lift_top_decile.toFixed(2)}×` : "–"}</Table.Cell>
              <Table.Cell>{m.scored_count}</Table.Cell>
              <Table.Cell onClick={(e) => e.stopPropagation()}>
                {m.status === "completed" && (
                  <Button size="small" variant="secondary" isLoading={segment.isPending && segment.variables?.id === m.id} onClick={() => saveTop(m.id)}>
                    {m.segment_id ? "Save top 1,000 again" : "Save top 1,000 as a segment"}
                  </Button>
                )}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {models.data && !models.data.propensity_models.length && (
        <Text size="small" className="text-ui-fg-muted">
          No models yet: "New model" defines one and the worker trains it.
        </Text>
      )}
      {models.error && <Text className="text-ui-fg-error">{errorMessage(models.error)}</Text>}
      <NewPropensityModelDrawer open={creating} onOpenChange={setCreating} onCreated={(model) => setOpenId(model.id)} />
      <PropensityModelDrawer modelId={openId} onClose={() => setOpenId(null)} />
    </Container>
  )
}

/** Insights: what sells together and who is likely to buy next. */
const InsightsPage = () => (
  <div className="flex flex-col gap-y-3">
    <Container className="px-6 py-4">
      <Heading level="h1">Insights</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Market-basket pairs from the purchase facts and propensity models trained on the store's own history.
      </Text>
    </Container>
    <PromoteTogether />
    <PropensityModels />
  </div>
)

export const config = defineRouteConfig({ label: "Insights", icon: LightBulb })

export default InsightsPage
