import { PencilSquare, Trash } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Link, useNavigate } from "react-router-dom"
import { errorMessage } from "../../lib/error-message"
import { formatDate, formatDateTime } from "../../lib/format"
import { QueryState } from "../common/query-state"
import { ContractDrawer } from "./contract-drawer"
import { ContractPricesSection } from "./contract-prices-section"
import { PriceImportWizard } from "./price-import-wizard"
import { PriceImportsTable } from "./price-imports-table"
import { ContractStatusBadge } from "./status-badges"
import type { Contract } from "./types"
import { useContract, useDeleteContract } from "./use-b2b"

/** The group rule key Medusa applies; `customer_group_id` is accepted by Medusa but never applies. */
const GROUP_RULE = "customer.groups.id"

const Detail = ({ label, children }: { label: string; children: ReactNode }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-muted">
      {label}
    </Text>
    <div className="txt-compact-small">{children}</div>
  </div>
)

const ContractHeader = ({ contract }: { contract: Contract }) => {
  const [editing, setEditing] = useState(false)
  const prompt = usePrompt()
  const navigate = useNavigate()
  const remove = useDeleteContract()
  const list = contract.price_list
  const ruled = list ? Object.keys(list.rules).includes(GROUP_RULE) : false
  const onDelete = async () => {
    const confirmed = await prompt({
      title: `Delete “${contract.title}”?`,
      description: "Its price list and every price in it are deleted; the company's employees pay list prices for these variants. This cannot be undone.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    remove.mutate(contract.id, {
      onSuccess: () => {
        toast.success("Contract deleted")
        navigate(`/b2b/${contract.company_id}`)
      },
      onError: (e) => toast.error("Could not delete the contract", { description: errorMessage(e) }),
    })
  }
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center gap-x-3">
            <Heading level="h1">{contract.title}</Heading>
            <ContractStatusBadge status={contract.status} validFrom={contract.valid_from} validTo={contract.valid_to} />
          </div>
          {contract.company && (
            <Link to={`/b2b/${contract.company.id}`} className="txt-compact-small text-ui-fg-interactive hover:underline">
              {contract.company.name}
            </Link>
          )}
        </div>
        <div className="flex gap-x-2">
          <Button size="small" variant="secondary" onClick={() => setEditing(true)}>
            <PencilSquare />
            Edit
          </Button>
          <Button size="small" variant="secondary" onClick={() => void onDelete()} isLoading={remove.isPending}>
            <Trash />
            Delete
          </Button>
        </div>
      </div>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Detail label="Valid">
          {formatDate(contract.valid_from)} – {contract.valid_to ? formatDate(contract.valid_to) : "open-ended"}
        </Detail>
        <Detail label="Currency">{contract.currency_code.toUpperCase()}</Detail>
        <Detail label="Renewal reminder">{contract.valid_to ? `${contract.renewal_reminder_days} days before it ends` : "none (open-ended)"}</Detail>
        <Detail label="Price list">
          {list ? (
            <span className="flex flex-wrap items-center gap-1">
              <Link to={`/price-lists/${list.id}`} className="text-ui-fg-interactive hover:underline">
                {list.type} · {list.status}
              </Link>
              {ruled ? <Badge size="2xsmall" color="green">{GROUP_RULE}</Badge> : <Badge size="2xsmall" color="red">no group rule</Badge>}
            </span>
          ) : (
            "missing"
          )}
        </Detail>
        {list && (
          <Detail label="Applied by Medusa">
            {list.starts_at ? formatDateTime(list.starts_at) : "from the start"} – {list.ends_at ? formatDateTime(list.ends_at) : "open-ended"}
          </Detail>
        )}
        {contract.notes && (
          <div className="col-span-2 md:col-span-3">
            <Detail label="Notes">
              <span className="whitespace-pre-wrap">{contract.notes}</span>
            </Detail>
          </div>
        )}
      </div>
      <ContractDrawer companyId={contract.company_id} entity={contract} open={editing} onOpenChange={setEditing} />
    </Container>
  )
}

/** A contract: details and editor, its prices (tiers, export), the import wizard and the imports so far. */
export const ContractPage = ({ id }: { id: string }) => {
  const { data, isLoading, isError, error } = useContract(id)
  const [wizardOpen, setWizardOpen] = useState(false)
  const [importId, setImportId] = useState<string | null>(null)
  const openWizard = (existing: string | null) => {
    setImportId(existing)
    setWizardOpen(true)
  }
  return (
    <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading the contract…" isEmpty={!data} emptyText="Contract not found.">
      {data && (
        <div className="flex flex-col gap-y-3">
          <ContractHeader contract={data.contract} />
          <ContractPricesSection contract={data.contract} onImport={() => openWizard(null)} />
          <PriceImportsTable contractId={id} onOpen={openWizard} />
          <PriceImportWizard contract={data.contract} open={wizardOpen} onOpenChange={setWizardOpen} importId={importId} />
        </div>
      )}
    </QueryState>
  )
}
