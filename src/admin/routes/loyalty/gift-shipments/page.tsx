import { ArrowDownTray, CheckCircle, Receipt } from "@medusajs/icons"
import { Button, Checkbox, Container, Heading, Select, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { Pager } from "../../../components/common/pager"
import { QueryState } from "../../../components/common/query-state"
import { FulfillPrompt } from "../../../components/gift-shipments/fulfill-prompt"
import { useCatalogNames } from "../../../hooks/use-catalog"
import { useGiftShipments } from "../../../hooks/use-gift-shipments"
import { errorMessage } from "../../../lib/error-message"
import { downloadDocument, openDocumentInNewTab } from "../../../lib/fetch-document"
import { formatDate, formatDateTime } from "../../../lib/format"
import { addressLines } from "../../../lib/format-address"
import { GIFT_SHIPMENT_STATUSES, type GiftShipment, type GiftShipmentStatus } from "../../../lib/types"

const PAGE_SIZE = 50
const ALL = "all"
type StatusFilter = GiftShipmentStatus | typeof ALL

const STATUS_DISPLAY: Record<GiftShipmentStatus, { label: string; color: "orange" | "green" | "grey" }> = {
  pending: { label: "Pending", color: "orange" },
  fulfilled: { label: "Fulfilled", color: "green" },
  cancelled: { label: "Cancelled", color: "grey" },
}

function customerName(shipment: GiftShipment): string {
  const customer = shipment.customer
  const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ")
  return name || customer?.email || shipment.customer_id
}

/** The gift-shipment queue: what to send to whom, export, labels, and marking parcels as sent. */
const GiftShipmentsPage = () => {
  const [status, setStatus] = useState<StatusFilter>("pending")
  const [pageIndex, setPageIndex] = useState(0)
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [fulfilOpen, setFulfilOpen] = useState(false)
  const [busy, setBusy] = useState<"export" | "labels" | null>(null)
  const { data, isLoading, isError, error } = useGiftShipments({
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    ...(status === ALL ? {} : { status }),
  })
  const shipments = data?.gift_shipments ?? []
  const names = useCatalogNames({
    productIds: [],
    variantIds: shipments.flatMap((shipment) => (shipment.gift_variant_id ? [shipment.gift_variant_id] : [])),
  })
  const count = data?.count ?? 0
  const selectable = shipments.filter((shipment) => shipment.status === "pending")
  const allSelected = selectable.length > 0 && selectable.every((shipment) => selected.has(shipment.id))
  const someSelected = selectable.some((shipment) => selected.has(shipment.id))
  // Labels name what a filter shows: the labels route reads pending when given no status.
  const labelStatus = status === ALL ? GIFT_SHIPMENT_STATUSES.join(",") : status

  const changeView = (update: () => void) => {
    update()
    setSelected(new Set())
  }

  const toggle = (id: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      if (checked) {
        next.add(id)
      } else {
        next.delete(id)
      }
      return next
    })

  const run = async (kind: "export" | "labels", action: () => Promise<void>) => {
    setBusy(kind)
    try {
      await action()
    } catch (err) {
      toast.error(kind === "export" ? "Export failed" : "Could not open the labels", {
        description: errorMessage(err),
      })
    } finally {
      setBusy(null)
    }
  }

  const exportCsv = () =>
    run("export", () =>
      downloadDocument(
        "/admin/loyalty/gift-shipments/export.csv",
        status === ALL ? {} : { status },
        `gift-shipments-${status}.csv`
      )
    )

  const printLabels = () =>
    run("labels", () =>
      openDocumentInNewTab(
        "/admin/loyalty/gift-shipments/labels",
        selected.size ? { ids: [...selected].join(",") } : { status: labelStatus }
      )
    )

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Gift shipments</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Gifts earned with buy-N-get-1 rules, oldest first.
          </Text>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <div className="w-[150px]">
            <Select
              size="small"
              value={status}
              onValueChange={(value) =>
                changeView(() => {
                  setStatus(value as StatusFilter)
                  setPageIndex(0)
                })
              }
            >
              <Select.Trigger aria-label="Status">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {GIFT_SHIPMENT_STATUSES.map((value) => (
                  <Select.Item key={value} value={value}>
                    {STATUS_DISPLAY[value].label}
                  </Select.Item>
                ))}
                <Select.Item value={ALL}>All</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <Button size="small" variant="secondary" onClick={exportCsv} isLoading={busy === "export"}>
            <ArrowDownTray />
            Export CSV
          </Button>
          <Button size="small" variant="secondary" onClick={printLabels} isLoading={busy === "labels"}>
            <Receipt />
            {selected.size ? `Print ${selected.size} labels` : "Print labels"}
          </Button>
          <Button size="small" disabled={!selected.size} onClick={() => setFulfilOpen(true)}>
            <CheckCircle />
            Mark fulfilled
          </Button>
        </div>
      </div>
      <QueryState
        isError={isError}
        error={error}
        isLoading={isLoading}
        loadingText="Loading gift shipments…"
        isEmpty={count === 0}
        emptyText={status === "pending" ? "Nothing to send: the queue is empty." : "No gift shipments."}
      >
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell className="w-[40px]">
                  <Checkbox
                    aria-label="Select all pending on this page"
                    disabled={!selectable.length}
                    checked={allSelected ? true : someSelected ? "indeterminate" : false}
                    onCheckedChange={(checked) =>
                      setSelected(checked === true ? new Set(selectable.map((shipment) => shipment.id)) : new Set())
                    }
                  />
                </Table.HeaderCell>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Address</Table.HeaderCell>
                <Table.HeaderCell>Gift</Table.HeaderCell>
                <Table.HeaderCell>Order</Table.HeaderCell>
                <Table.HeaderCell>Created</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {shipments.map((shipment) => {
                const display = STATUS_DISPLAY[shipment.status]
                const gift = shipment.gift_variant_id
                  ? names.variantName(shipment.gift_variant_id) ?? shipment.gift_variant_id
                  : "—"
                return (
                  <Table.Row key={shipment.id} className="align-top">
                    <Table.Cell className="py-3">
                      <Checkbox
                        aria-label={`Select gift shipment ${shipment.id}`}
                        disabled={shipment.status !== "pending"}
                        checked={selected.has(shipment.id)}
                        onCheckedChange={(checked) => toggle(shipment.id, checked === true)}
                      />
                    </Table.Cell>
                    <Table.Cell className="py-3">
                      <Link to={`/customers/${shipment.customer_id}`} className="text-ui-fg-interactive hover:underline">
                        {customerName(shipment)}
                      </Link>
                      {shipment.customer?.email && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          {shipment.customer.email}
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell className="py-3">
                      {addressLines(shipment.shipping_address).map((line, index) => (
                        <Text key={index} size="small" leading="compact">
                          {line}
                        </Text>
                      ))}
                    </Table.Cell>
                    <Table.Cell className="py-3">
                      <Text size="small" leading="compact">
                        {shipment.gift_quantity} × {gift}
                      </Text>
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {shipment.rule?.name ?? "Deleted rule"} · #{shipment.sequence}
                      </Text>
                    </Table.Cell>
                    <Table.Cell className="py-3">
                      {shipment.order_id ? (
                        <Link to={`/orders/${shipment.order_id}`} className="text-ui-fg-interactive hover:underline">
                          View order
                        </Link>
                      ) : (
                        "—"
                      )}
                    </Table.Cell>
                    <Table.Cell className="whitespace-nowrap py-3">{formatDate(shipment.created_at)}</Table.Cell>
                    <Table.Cell className="py-3">
                      <StatusBadge color={display.color}>{display.label}</StatusBadge>
                      {shipment.fulfilled_at && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          {formatDateTime(shipment.fulfilled_at)}
                        </Text>
                      )}
                    </Table.Cell>
                  </Table.Row>
                )
              })}
            </Table.Body>
          </Table>
          <Pager
            count={count}
            pageSize={PAGE_SIZE}
            pageIndex={pageIndex}
            onPageChange={(next) => changeView(() => setPageIndex(next))}
          />
        </div>
      </QueryState>
      <FulfillPrompt
        ids={[...selected]}
        open={fulfilOpen}
        onOpenChange={setFulfilOpen}
        onFulfilled={() => setSelected(new Set())}
      />
    </Container>
  )
}

export const handle = {
  breadcrumb: () => "Gift shipments",
}

export default GiftShipmentsPage
