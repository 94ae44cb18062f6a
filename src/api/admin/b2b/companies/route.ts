import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createCompaniesWorkflow } from "../../../../workflows/b2b/create-companies"
import { refetchB2b } from "../helpers"
import type { AdminCompaniesParamsType, AdminCreateCompanyType } from "../validators"

/** Lists companies by name (q: part of the name or tax id), with how many employees and contracts each has. */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminCompaniesParamsType>, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { q, status } = req.validatedQuery
  const { data: companies, metadata } = await query.graph({
    entity: "b2b_company",
    fields: [...req.queryConfig.fields, "employees.id", "contracts.id", "contracts.status"],
    filters: {
      ...(status ? { status } : {}),
      ...(q ? { $or: [{ name: { $ilike: `%${q}%` } }, { tax_id: { $ilike: `%${q}%` } }] } : {}),
    },
    pagination: { ...req.queryConfig.pagination, order: { name: "ASC", id: "ASC" } },
  })
  res.json({
    companies: companies.map(({ employees, contracts, ...company }) => ({
      ...company,
      employee_count: (employees ?? []).length,
      contract_count: (contracts ?? []).length,
      active_contract_count: (contracts ?? []).filter((c) => c?.status === "active").length,
    })),
    count: metadata?.count ?? 0,
    limit: metadata?.take,
    offset: metadata?.skip,
  })
}

/** Creates a company with its own customer group. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateCompanyType>, res: MedusaResponse) => {
  const { result } = await createCompaniesWorkflow(req.scope).run({ input: { companies: [req.validatedBody] } })
  const company = await refetchB2b(req.scope, "b2b_company", result[0].id, req.queryConfig.fields)
  res.status(200).json({ company })
}
