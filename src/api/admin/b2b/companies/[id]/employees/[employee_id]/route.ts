import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { removeCompanyEmployeesWorkflow } from "../../../../../../../workflows/b2b/remove-company-employees"
import { updateCompanyEmployeesWorkflow } from "../../../../../../../workflows/b2b/update-company-employees"
import type { AdminUpdateEmployeeType } from "../../../../validators"
import { EMPLOYEE_FIELDS, withCustomers } from "../route"

/** Changes an employee's role or spending limit (an employee of another company: 404). */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateEmployeeType>, res: MedusaResponse) => {
  await updateCompanyEmployeesWorkflow(req.scope).run({
    input: { company_id: req.params.id, employees: [{ ...req.validatedBody, id: req.params.employee_id }] },
  })
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "b2b_company_employee", fields: EMPLOYEE_FIELDS, filters: { id: req.params.employee_id } })
  const [employee] = await withCustomers(req, data)
  res.json({ employee })
}

/** Ends an employment: the customer leaves the company's group and pays list price again. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const id = req.params.employee_id
  await removeCompanyEmployeesWorkflow(req.scope).run({ input: { company_id: req.params.id, ids: [id] } })
  res.json({ id, object: "b2b_company_employee", deleted: true })
}
