import { ArrowDownTray, ArrowUpTray, PencilSquare, Plus } from "@medusajs/icons"
import { Button, Container, Heading, IconButton, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage } from "../../lib/error-message"
import { downloadDocument } from "../../lib/fetch-document"
import { formatMoney } from "../../lib/segment-format"
import { QueryState } from "../common/query-state"
import { Pager } from "../common/pager"
import { describeBand, type Contract } from "./types"
import { useContractPrices } from "./use-b2b"
import { VariantTiersDrawer } from "./variant-tiers-drawer"

const PAGE_SIZE = 50

/** The contract's prices by variant then band, with export (the import's CSV), import and a tier editor per variant. */
export const ContractPricesSection = ({ contract, onImport }: { contract: Contract; onImport: () => void }) => {
  const [pageIndex, setPageIndex] = useState(0)
  const [tiersOf, setTiersOf] = useState<string | null>(null)
  const [tiersOpen, setTiersOpen] = useState(false)
  const [exporting, setExporting] = useState(false)
  const { data, isLoading, isError, error } = useContractPrices(contract.id, { limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })
  const prices = data?.prices ?? []

  const onExport = async () => {
    setExporting(true)
    try {
      await downloadDocument(`/admin/b2b/contracts/${contract.id}/prices/export.csv`, {}, `contract-prices-${contract.id}.csv`)
    } catch (e) {
      toast.error("Could not export the prices", { description: errorMessage(e) })
    } finally {
      setExporting(false)
    }
  }
  const editTiers = (variantId: string | null) => {
    setTiersOf(variantId)
    setTiersOpen(true)
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h2">Prices</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {(data?.count ?? 0).toLocaleString()} prices in {contract.currency_code.toUpperCase()}, by variant and quantity band.
          </Text>
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={() => editTiers(null)}>
            <Plus />
            Set tiers
          </Button>
          <Button size="small" variant="secondary" onClick={() => void onExport()} isLoading={exporting}>
            <ArrowDownTray />
            Export CSV
          </Button>
          <Button size="small" onClick={onImport}>
            <ArrowUpTray />
            Import CSV
          </Button>
        </div>
      </div>
      <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading prices…" isEmpty={!prices.length} emptyText="No prices yet: import a CSV or set a variant's tiers.">
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Variant</Table.HeaderCell>
                <Table.HeaderCell>SKU</Table.HeaderCell>
                <Table.HeaderCell>Band</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {prices.map((p) => (
                <Table.Row key={p.id}>
                  <Table.Cell>{p.variant ? [p.variant.product_title, p.variant.title].filter(Boolean).join(" · ") : p.price_set_id}</Table.Cell>
                  <Table.Cell>{p.variant?.sku ?? "—"}</Table.Cell>
                  <Table.Cell>{describeBand(p.min_quantity, p.max_quantity)}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{formatMoney(p.amount, p.currency_code)}</Table.Cell>
                  <Table.Cell className="text-right">
                    {p.variant && (
                      <IconButton size="small" variant="transparent" aria-label="Edit the variant's tiers" onClick={() => editTiers(p.variant!.id)}>
                        <PencilSquare />
                      </IconButton>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </div>
      </QueryState>
      <VariantTiersDrawer contract={contract} open={tiersOpen} onOpenChange={setTiersOpen} variantId={tiersOf} />
    </Container>
  )
}
