import { PencilSquare, Trash } from "@medusajs/icons"
import { Button, Container, Heading, Tabs, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { errorMessage } from "../../lib/error-message"
import { QueryState } from "../common/query-state"
import { CompanyDrawer } from "./company-drawer"
import { ContractsSection } from "./contracts-section"
import { EmployeesSection } from "./employees-section"
import { PriceDebuggerPanel } from "./price-debugger-panel"
import { CompanyStatusBadge } from "./status-badges"
import type { Company } from "./types"
import { useCompany, useDeleteCompany } from "./use-b2b"

const Detail = ({ label, value }: { label: string; value: string | null | undefined }) => (
  <div className="flex flex-col">
    <Text size="xsmall" className="text-ui-fg-muted">
      {label}
    </Text>
    <Text size="small">{value || "—"}</Text>
  </div>
)

const CompanyHeader = ({ company }: { company: Company }) => {
  const [editing, setEditing] = useState(false)
  const prompt = usePrompt()
  const navigate = useNavigate()
  const remove = useDeleteCompany()
  const onDelete = async () => {
    const confirmed = await prompt({
      title: `Delete ${company.name}?`,
      description: "Its employees leave its customer group (their accounts stay); its contracts and their price lists are deleted. This cannot be undone.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    remove.mutate(company.id, {
      onSuccess: () => {
        toast.success("Company deleted")
        navigate("/b2b")
      },
      onError: (e) => toast.error("Could not delete the company", { description: errorMessage(e) }),
    })
  }
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex items-start justify-between gap-x-4">
        <div className="flex items-center gap-x-3">
          <Heading level="h1">{company.name}</Heading>
          <CompanyStatusBadge status={company.status} />
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
        <Detail label="Tax id" value={company.tax_id} />
        <Detail label="Country" value={company.country_code?.toUpperCase()} />
        <Detail label="Contact" value={[company.contact_name, company.contact_email, company.contact_phone].filter(Boolean).join(" · ")} />
        <Detail label="Account manager" value={company.account_manager_email} />
        <Detail label="Customer group" value={company.customer_group_id} />
      </div>
      <CompanyDrawer entity={company} open={editing} onOpenChange={setEditing} />
    </Container>
  )
}

/** A company: its details, employees, contracts (each opening its prices, import and export) and the price debugger. */
export const CompanyPage = ({ id }: { id: string }) => {
  const { data, isLoading, isError, error } = useCompany(id)
  return (
    <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading the company…" isEmpty={!data} emptyText="Company not found.">
      {data && (
        <div className="flex flex-col gap-y-3">
          <CompanyHeader company={data.company} />
          <Tabs defaultValue="employees">
            <Tabs.List>
              <Tabs.Trigger value="employees">Employees</Tabs.Trigger>
              <Tabs.Trigger value="contracts">Contracts</Tabs.Trigger>
              <Tabs.Trigger value="debugger">Price debugger</Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="employees" className="mt-3">
              <EmployeesSection companyId={id} />
            </Tabs.Content>
            <Tabs.Content value="contracts" className="mt-3">
              <ContractsSection companyId={id} />
            </Tabs.Content>
            <Tabs.Content value="debugger" className="mt-3">
              <PriceDebuggerPanel companyId={id} />
            </Tabs.Content>
          </Tabs>
        </div>
      )}
    </QueryState>
  )
}
