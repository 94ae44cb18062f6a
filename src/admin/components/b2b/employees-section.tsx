import { EllipsisHorizontal, PencilSquare, Plus, Trash } from "@medusajs/icons"
import { Button, Container, DropdownMenu, Heading, IconButton, Table, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { errorMessage } from "../../lib/error-message"
import { formatDate } from "../../lib/format"
import { formatMoney } from "../../lib/segment-format"
import { QueryState } from "../common/query-state"
import { Pager } from "../common/pager"
import { EmployeeDrawer } from "./employee-drawer"
import type { Employee } from "./types"
import { useEmployees, useRemoveEmployee } from "./use-b2b"

const PAGE_SIZE = 20

const nameOf = (e: Employee) => [e.customer?.first_name, e.customer?.last_name].filter(Boolean).join(" ") || e.customer?.email || e.customer_id

/** The company's employees: the customer, role and spending limit; add, edit, remove (they then pay list prices again). */
export const EmployeesSection = ({ companyId }: { companyId: string }) => {
  const [pageIndex, setPageIndex] = useState(0)
  const [editing, setEditing] = useState<Employee | null>(null)
  const [open, setOpen] = useState(false)
  const prompt = usePrompt()
  const removal = useRemoveEmployee(companyId)
  const { data, isLoading, isError, error } = useEmployees(companyId, { limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE })
  const employees = data?.employees ?? []

  const openDrawer = (employee: Employee | null) => {
    setEditing(employee)
    setOpen(true)
  }
  const onRemove = async (employee: Employee) => {
    const confirmed = await prompt({
      title: `Remove ${nameOf(employee)}?`,
      description: "They leave the company's customer group and pay list prices again. Their customer account stays.",
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (!confirmed) return
    removal.mutate(employee.id, {
      onSuccess: () => toast.success("Employee removed"),
      onError: (e) => toast.error("Could not remove the employee", { description: errorMessage(e) }),
    })
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Employees</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Customers buying for the company; they are members of its customer group, so its contract prices apply to them. A checkout that would take an employee above their spending limit for the period is refused.
          </Text>
        </div>
        <Button size="small" variant="secondary" onClick={() => openDrawer(null)}>
          <Plus />
          Add employee
        </Button>
      </div>
      <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading employees…" isEmpty={!employees.length} emptyText="No employees yet.">
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Customer</Table.HeaderCell>
                <Table.HeaderCell>Role</Table.HeaderCell>
                <Table.HeaderCell>Spending limit</Table.HeaderCell>
                <Table.HeaderCell>This period</Table.HeaderCell>
                <Table.HeaderCell />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {employees.map((employee) => (
                <Table.Row key={employee.id}>
                  <Table.Cell>
                    <div className="flex flex-col py-1">
                      <Link to={`/customers/${employee.customer_id}`} className="txt-compact-small-plus hover:underline">
                        {nameOf(employee)}
                      </Link>
                      <Text size="xsmall" className="text-ui-fg-muted">
                        {employee.customer?.email ?? "deleted customer"}
                      </Text>
                    </div>
                  </Table.Cell>
                  <Table.Cell>{employee.role === "admin" ? "Admin" : "Buyer"}</Table.Cell>
                  <Table.Cell>
                    {employee.spending_limit !== null ? `${formatMoney(employee.spending_limit, employee.spending_limit_currency_code)} per ${employee.spending_limit_period}` : "No limit"}
                  </Table.Cell>
                  <Table.Cell>
                    {employee.spending ? (
                      <div className="flex flex-col">
                        <Text size="small" className="tabular-nums">
                          {formatMoney(employee.spending.spent, employee.spending.currency_code)} spent · {formatMoney(employee.spending.remaining, employee.spending.currency_code)} left
                        </Text>
                        <Text size="xsmall" className="text-ui-fg-muted">
                          {formatDate(employee.spending.period_start)} – {formatDate(new Date(new Date(employee.spending.period_end).getTime() - 1).toISOString())}
                        </Text>
                      </div>
                    ) : (
                      "—"
                    )}
                  </Table.Cell>
                  <Table.Cell className="text-right">
                    <DropdownMenu>
                      <DropdownMenu.Trigger asChild>
                        <IconButton size="small" variant="transparent" aria-label="Actions">
                          <EllipsisHorizontal />
                        </IconButton>
                      </DropdownMenu.Trigger>
                      <DropdownMenu.Content align="end">
                        <DropdownMenu.Item className="gap-x-2" onClick={() => openDrawer(employee)}>
                          <PencilSquare className="text-ui-fg-subtle" />
                          Edit role and limit
                        </DropdownMenu.Item>
                        <DropdownMenu.Separator />
                        <DropdownMenu.Item className="gap-x-2" onClick={() => void onRemove(employee)}>
                          <Trash className="text-ui-fg-subtle" />
                          Remove from company
                        </DropdownMenu.Item>
                      </DropdownMenu.Content>
                    </DropdownMenu>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
          <Pager count={data?.count ?? 0} pageSize={PAGE_SIZE} pageIndex={pageIndex} onPageChange={setPageIndex} />
        </div>
      </QueryState>
      <EmployeeDrawer companyId={companyId} entity={editing} open={open} onOpenChange={setOpen} />
    </Container>
  )
}
