import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { addCompanyEmployeesWorkflow } from "../../../../../../workflows/b2b/add-company-employees"
import { readEmployeeSpending, type EmployeeWithLimit } from "../../../../../../workflows/b2b/utils/employee-spending"
import { refetchB2b } from "../../../helpers"
import type { AdminAddEmployeesType } from "../../../validators"

export const EMPLOYEE_FIELDS = ["id", "customer_id", "role", "spending_limit", "spending_limit_currency_code", "spending_limit_period", "company_id", "created_at", "updated_at"]

/** Employees with the e-mail and name of their customer account. */
export async function withCustomers<T extends { customer_id: string }>(req: AuthenticatedMedusaRequest, employees: T[]) {
  const ids = employees.map((e) => e.customer_id)
  const customers = ids.length ? await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: ids }, { select: ["id", "email", "first_name", "last_name"] }) : []
  return employees.map((e) => ({ ...e, customer: customers.find((c) => c.id === e.customer_id) ?? null }))
}

/** Employees with where each stands in the current period of their limit (null: no limit). */
async function withSpending<T extends EmployeeWithLimit>(req: AuthenticatedMedusaRequest, employees: T[]) {
  const now = new Date()
  return Promise.all(employees.map(async (e) => ({ ...e, spending: await readEmployeeSpending(req.scope, e, now) })))
}

/** A company's employees, with their spending in the current period of their limit (unknown company: 404). */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, { limit: number; offset: number }>, res: MedusaResponse) => {
  await refetchB2b(req.scope, "b2b_company", req.params.id, ["id"])
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data, metadata } = await query.graph({
    entity: "b2b_company_employee",
    fields: EMPLOYEE_FIELDS,
    filters: { company_id: req.params.id },
    pagination: { skip: req.validatedQuery.offset, take: req.validatedQuery.limit, order: { created_at: "ASC", id: "ASC" } },
  })
  res.json({ employees: await withCustomers(req, await withSpending(req, data as EmployeeWithLimit[])), count: metadata?.count ?? 0, limit: metadata?.take, offset: metadata?.skip })
}

/** Adds existing customers as employees: they join the company's customer group, so its contract prices apply. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminAddEmployeesType>, res: MedusaResponse) => {
  const { result } = await addCompanyEmployeesWorkflow(req.scope).run({ input: { company_id: req.params.id, employees: req.validatedBody.employees } })
  res.json({ employees: await withCustomers(req, result) })
}
