import { model } from "@medusajs/framework/utils"
import { Company } from "./company"

export const EMPLOYEE_ROLES = ["buyer", "admin"] as const
export const SPENDING_LIMIT_PERIODS = ["day", "week", "month", "quarter", "year"] as const

/**
 * A Medusa customer working for a company (a customer belongs to at most one company). The
 * spending limit, when set, is an amount in its currency per period.
 */
export const CompanyEmployee = model
  .define("b2b_company_employee", {
    id: model.id({ prefix: "cemp" }).primaryKey(),
    customer_id: model.text(),
    role: model.enum([...EMPLOYEE_ROLES]).default("buyer"),
    spending_limit: model.bigNumber().nullable(),
    spending_limit_currency_code: model.text().nullable(),
    spending_limit_period: model.enum([...SPENDING_LIMIT_PERIODS]).nullable(),
    company: model.belongsTo(() => Company, { mappedBy: "employees" }),
  })
  .indexes([
    { on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["company_id", "role"], where: "deleted_at IS NULL" },
  ])
