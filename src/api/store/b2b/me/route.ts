import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readEmployeeSpending, type EmployeeWithLimit } from "../../../../workflows/b2b/utils/employee-spending"

const COMPANY_FIELDS = ["id", "name", "tax_id", "country_code", "contact_name", "contact_email", "contact_phone", "status"]
const CONTRACT_FIELDS = ["id", "title", "status", "valid_from", "valid_to", "currency_code", "price_list_id"]

/**
 * The logged-in customer's company, their role and spending limit in it, and the contract whose
 * prices apply now (active, valid_from ≤ now ≤ valid_to, the company active). A customer of no
 * company: all three null. For an employee, `spending` is where they stand in the current period of
 * their limit (spent net of refunds, remaining), null without a limit.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [employee],
  } = await query.graph({
    entity: "b2b_company_employee",
    fields: ["id", "customer_id", "role", "spending_limit", "spending_limit_currency_code", "spending_limit_period", ...COMPANY_FIELDS.map((f) => `company.${f}`)],
    filters: { customer_id: req.auth_context.actor_id },
  })
  const company = (employee as { company?: { id: string; status: string } | null } | undefined)?.company ?? null
  if (!employee || !company) {
    res.json({ company: null, employee: null, contract: null })
    return
  }
  const now = new Date()
  const { data: contracts } =
    company.status === "active"
      ? await query.graph({
          entity: "b2b_contract",
          fields: CONTRACT_FIELDS,
          filters: { company_id: company.id, status: "active", valid_from: { $lte: now }, $or: [{ valid_to: null }, { valid_to: { $gte: now } }] },
          pagination: { take: 1, order: { valid_from: "DESC" } },
        })
      : { data: [] }
  const { company: _company, ...role } = employee as Record<string, unknown>
  const spending = await readEmployeeSpending(req.scope, employee as EmployeeWithLimit, now)
  res.json({ company, employee: role, contract: contracts[0] ?? null, spending })
}
