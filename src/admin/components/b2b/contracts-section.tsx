import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { formatDate } from "../../lib/format"
import { QueryState } from "../common/query-state"
import { Pager } from "../common/pager"
import { ContractDrawer } from "./contract-drawer"
import { ContractStatusBadge } from "./status-badges"
import { useCompanyContracts } from "./use-b2b"

const PAGE_SIZE = 10

/** The company's contracts over time, newest validity first; rows open the contract (prices, import, export). */
export const ContractsSection = ({ companyId }: { companyId: string }) => {
  const navigate = useNavigate()
  const [pageIndex, setPageIndex] = useState(0)
  const [creating, setCreating] = useState(false)
  const { data, isLoading, isError, error } = useCompanyContracts(companyId, { limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })
  const contracts = data?.contracts ?? []
  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Contracts</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Each is a Medusa price list (override) ruled on the company&apos;s customer group, valid from its first to its last day.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
          <Plus />
          New contract
        </Button>
      </div>
      <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading contracts…" isEmpty={!contracts.length} emptyText="No contracts yet.">
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Contract</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Valid</Table.HeaderCell>
                <Table.HeaderCell>Currency</Table.HeaderCell>
                <Table.HeaderCell>Price list</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {contracts.map((contract) => (
                <Table.Row key={contract.id} className="cursor-pointer" onClick={() => navigate(`/b2b/contracts/${contract.id}`)}>
                  <Table.Cell>
                    <Link to={`/b2b/contracts/${contract.id}`} onClick={(e) => e.stopPropagation()} className="txt-compact-small-plus hover:underline">
                      {contract.title}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    <ContractStatusBadge status={contract.status} validFrom={contract.valid_from} validTo={contract.valid_to} />
                  </Table.Cell>
                  <Table.Cell>
                    {formatDate(contract.valid_from)} – {contract.valid_to ? formatDate(contract.valid_to) : "open-ended"}
                  </Table.Cell>
                  <Table.Cell>{contract.currency_code.toUpperCase()}</Table.Cell>
                  <Table.Cell>
                    <Text size="small" className="text-ui-fg-subtle">
                      {contract.price_list ? `${contract.price_list.status} · ${contract.price_list.id}` : "missing"}
                    </Text>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </div>
      </QueryState>
      <ContractDrawer companyId={companyId} entity={null} open={creating} onOpenChange={setCreating} onCreated={(contract) => navigate(`/b2b/contracts/${contract.id}`)} />
    </Container>
  )
}
