import { Badge, Button, Drawer, Heading, Input, Table, Text, toast } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { FormField } from "../../../components/common/form-field"
import { errorMessage, isInvalidData } from "../../../lib/error-message"
import { formatDateTime } from "../../../lib/format"
import { propensityStatusColor } from "../lib/propensity-status"
import type { PropensityModel } from "../lib/types"
import { useCustomerNames, usePropensityCustomers, usePropensityModel, useRetrainPropensityModel, useSavePropensitySegment } from "../lib/use-propensity-models"

const TOP_PAGE = 20

const percent = (v: number) => `${(v * 100).toFixed(1)} %`

/** What the model predicts, in words. */
function describeTarget(model: PropensityModel): string {
  const t = model.target ?? {}
  if (t.metadata_key) {
    return `Metadata ${t.metadata_key} = ${t.metadata_value ?? "true"}`
  }
  const parts = [
    t.product_ids?.length ? `${t.product_ids.length} product(s)` : null,
    t.category_ids?.length ? `${t.category_ids.length} categor${t.category_ids.length === 1 ? "y" : "ies"}` : null,
  ].filter(Boolean)
  const resolved = model.target_product_ids?.length ? ` (${model.target_product_ids.length} products when trained)` : ""
  return `Buys from ${parts.join(" and ")}${resolved}`
}

const Metric = ({ label, value, hint }: { label: string; value: string; hint?: string }) => (
  <div className="flex flex-col gap-y-0.5">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus">
      {value}
    </Text>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
  </div>
)

/** The best-scored customers, most likely first, paged; each links to the customer's page. */
const TopCustomers = ({ model }: { model: PropensityModel }) => {
  const [offset, setOffset] = useState(0)
  const page = usePropensityCustomers(model.id, { limit: TOP_PAGE, offset }, model.status === "completed")
  const rows = page.data?.customers ?? []
  const names = useCustomerNames(rows.map((r) => r.customer_id))
  if (model.status !== "completed") {
    return null
  }
  const count = page.data?.count ?? model.scored_count
  return (
    <div className="flex flex-col gap-y-2">
      <Heading level="h3">Most likely to buy</Heading>
      {page.error && (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(page.error)}
        </Text>
      )}
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Rank</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Score</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.customer_id}>
              <Table.Cell>{row.rank}</Table.Cell>
              <Table.Cell>
                <Link to={`/customers/${row.customer_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover">
                  {names.data?.get(row.customer_id) ?? row.customer_id}
                </Link>
              </Table.Cell>
              <Table.Cell className="text-right">{row.score.toFixed(3)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {count > TOP_PAGE && (
        <Table.Pagination
          count={count}
          pageSize={TOP_PAGE}
          pageIndex={offset / TOP_PAGE}
          pageCount={Math.ceil(count / TOP_PAGE)}
          canPreviousPage={offset > 0}
          canNextPage={offset + TOP_PAGE < count}
          previousPage={() => setOffset(Math.max(0, offset - TOP_PAGE))}
          nextPage={() => setOffset(offset + TOP_PAGE)}
        />
      )}
    </div>
  )
}

/** The fitted weights beside their feature names (standardised features: comparable sizes). */
const Weights = ({ model }: { model: PropensityModel }) => {
  const names = model.features?.names
  const weights = model.weights
  if (!names?.length || !weights?.length) {
    return null
  }
  // weights[0] is the intercept; the rest follow the feature names in order.
  return (
    <details>
      <summary className="text-ui-fg-subtle txt-compact-small cursor-pointer">Feature weights ({names.length})</summary>
      <Table>
        <Table.Body>
          {names.map((name, i) => (
            <Table.Row key={name}>
              <Table.Cell>{name}</Table.Cell>
              <Table.Cell className="text-right">{weights[i + 1]?.toFixed(3) ?? "–"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </details>
  )
}

/** "Save the top K as a segment": K defaults to 1,000; the server's 400 shows under K. */
const SaveSegment = ({ model }: { model: PropensityModel }) => {
  const save = useSavePropensitySegment()
  const [topK, setTopK] = useState("1000")
  const [error, setError] = useState<string | undefined>()
  useEffect(() => setError(undefined), [model.id])
  const onSave = () => {
    const k = Number(topK)
    if (!Number.isInteger(k) || k < 1) {
      setError("Enter a whole number of customers (at least 1).")
      return
    }
    setError(undefined)
    save.mutate(
      { id: model.id, top_k: k },
      {
        onSuccess: ({ segment }) => toast.success("Segment saved", { description: `${segment.name}: campaigns can target it now.` }),
        onError: (e) => (isInvalidData(e) ? setError(errorMessage(e)) : toast.error("Could not save the segment", { description: errorMessage(e) })),
      }
    )
  }
  return (
    <div className="flex items-end gap-x-2">
      <FormField id="propensity-top-k" label="Top customers to save as a segment" error={error}>
        <Input id="propensity-top-k" type="number" min={1} step={1} size="small" value={topK} onChange={(e) => setTopK(e.target.value)} />
      </FormField>
      <Button size="small" variant="secondary" type="button" disabled={model.status !== "completed"} isLoading={save.isPending} onClick={onSave}>
        {model.segment_id ? "Save again" : "Save as a segment"}
      </Button>
    </div>
  )
}

/**
 * One propensity model: its status (the failure's reason), held-out AUC and lift in the top 10 %,
 * the training and held-out counts, its best-scored customers, and retrain / save-as-segment.
 */
export const PropensityModelDrawer = ({ modelId, onClose }: { modelId: string | null; onClose: () => void }) => {
  const { data, error, isLoading } = usePropensityModel(modelId)
  const retrain = useRetrainPropensityModel()
  const model = data?.propensity_model
  const training = model?.status === "pending" || model?.status === "running"
  return (
    <Drawer open={!!modelId} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content>
        <Drawer.Header>
          <Drawer.Title>{model?.name ?? "Propensity model"}</Drawer.Title>
          <Drawer.Description className="sr-only">The model's evaluation and its best-scored customers</Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {error ? (
            <Text className="text-ui-fg-error">{errorMessage(error)}</Text>
          ) : isLoading || !model ? (
            <Text className="text-ui-fg-muted">Loading…</Text>
          ) : (
            <>
              <div className="flex flex-col gap-y-1">
                <div className="flex items-center gap-x-2">
                  <Badge size="2xsmall" color={propensityStatusColor(model.status)}>
                    {model.status}
                  </Badge>
                  <Text size="small" className="text-ui-fg-subtle">
                    {describeTarget(model)} within {model.horizon_days} days
                  </Text>
                </div>
                {model.status === "failed" && model.failure && (
                  <Text size="small" className="text-ui-fg-error">
                    {model.failure}
                  </Text>
                )}
                {training && (
                  <Text size="small" className="text-ui-fg-muted">
                    The worker is training it; this view refreshes by itself.
                  </Text>
                )}
              </div>
              <div className="grid grid-cols-2 gap-4">
                <Metric label="Held-out AUC" value={model.auc != null ? model.auc.toFixed(3) : "–"} hint="0.5 is a coin toss, 1.0 a perfect ranking" />
                <Metric
                  label="Lift at the top 10 %"
                  value={model.lift_top_decile != null ? `${model.lift_top_decile.toFixed(2)}×` : "–"}
                  hint="How much likelier the best-scored tenth bought"
                />
                <Metric
                  label="Trained on"
                  value={`${model.train_rows.toLocaleString()} customers`}
                  hint={`${model.train_positives.toLocaleString()} bought (${model.train_rows ? percent(model.train_positives / model.train_rows) : "–"})`}
                />
                <Metric
                  label="Held out"
                  value={`${model.holdout_rows.toLocaleString()} customers`}
                  hint={`${model.holdout_positives.toLocaleString()} bought (${model.holdout_rows ? percent(model.holdout_positives / model.holdout_rows) : "–"})`}
                />
                <Metric label="Cut date" value={formatDateTime(model.cut_at)} />
                <Metric label="Trained" value={formatDateTime(model.trained_at)} hint={`${model.scored_count.toLocaleString()} customers scored`} />
              </div>
              <Weights model={model} />
              <div className="flex flex-col gap-y-2">
                <SaveSegment model={model} />
                {model.segment_id && (
                  <Link to={`/segments/${model.segment_id}`} className="text-ui-fg-interactive hover:text-ui-fg-interactive-hover txt-compact-small">
                    Open the saved segment
                  </Link>
                )}
              </div>
              <TopCustomers model={model} />
            </>
          )}
        </Drawer.Body>
        <Drawer.Footer>
          <Drawer.Close asChild>
            <Button size="small" variant="secondary" type="button">
              Close
            </Button>
          </Drawer.Close>
          <Button
            size="small"
            type="button"
            disabled={!model || training}
            isLoading={retrain.isPending}
            onClick={() =>
              model &&
              retrain.mutate(model.id, {
                onSuccess: () => toast.success("Retraining", { description: "The worker retrains and re-scores it on today's facts." }),
                onError: (e) => toast.error("Could not retrain", { description: errorMessage(e) }),
              })
            }
          >
            Retrain
          </Button>
        </Drawer.Footer>
      </Drawer.Content>
    </Drawer>
  )
}
