import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { QueryState } from "../common/query-state"
import { ALL_STATUSES, StatusFilter } from "../common/status-filter"
import { Pager } from "../common/pager"
import { CompanyDrawer } from "./company-drawer"
import { CompanyStatusBadge } from "./status-badges"
import { COMPANY_STATUSES } from "./types"
import { useCompanies } from "./use-b2b"

const PAGE_SIZE = 20

/** Every company by name, with a search (name or tax id), a status filter and how many employees and contracts each has; rows open the company. */
export const CompaniesTable = () => {
  const navigate = useNavigate()
  const [pageIndex, setPageIndex] = useState(0)
  const [status, setStatus] = useState<string>(ALL_STATUSES)
  const [term, setTerm] = useState("")
  const [creating, setCreating] = useState(false)
  const q = useDebouncedValue(term).trim()
  const { data, isLoading, isError, error } = useCompanies({
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    ...(q ? { q } : {}),
    ...(status !== ALL_STATUSES ? { status } : {}),
  })
  const companies = data?.companies ?? []
  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">B2B companies</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Business customers: each has its own customer group, employees and contract price lists with volume tiers.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Input
            size="small"
            type="search"
            placeholder="Search name or tax id"
            value={term}
            onChange={(e) => {
              setTerm(e.target.value)
              setPageIndex(0)
            }}
          />
          <StatusFilter
            value={status}
            statuses={COMPANY_STATUSES}
            label={(s) => (s === "active" ? "Active" : "Inactive")}
            width="w-[140px]"
            onChange={(value) => {
              setStatus(value)
              setPageIndex(0)
            }}
          />
          <Button size="small" variant="secondary" onClick={() => setCreating(true)}>
            <Plus />
            Create
          </Button>
        </div>
      </div>
      <QueryState
        isError={isError}
        error={error}
        isLoading={isLoading}
        loadingText="Loading companies…"
        isEmpty={!companies.length}
        emptyText={q || status !== ALL_STATUSES ? "No company matches." : "No companies yet. Create one, add its employees, then give it a contract."}
      >
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Company</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Contact</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Employees</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Contracts (active)</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {companies.map((company) => (
                <Table.Row key={company.id} className="cursor-pointer" onClick={() => navigate(`/b2b/${company.id}`)}>
                  <Table.Cell>
                    <div className="flex flex-col py-1">
                      <Link to={`/b2b/${company.id}`} onClick={(e) => e.stopPropagation()} className="txt-compact-small-plus text-ui-fg-base hover:underline">
                        {company.name}
                      </Link>
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {[company.tax_id, company.country_code?.toUpperCase()].filter(Boolean).join(" · ") || "—"}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell>
                    <CompanyStatusBadge status={company.status} />
                  </Table.Cell>
                  <Table.Cell>{company.contact_name || company.contact_email || "—"}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">{company.employee_count}</Table.Cell>
                  <Table.Cell className="text-right tabular-nums">
                    {company.contract_count} ({company.active_contract_count})
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </div>
      </QueryState>
      <CompanyDrawer entity={null} open={creating} onOpenChange={setCreating} onCreated={(company) => navigate(`/b2b/${company.id}`)} />
    </Container>
  )
}
