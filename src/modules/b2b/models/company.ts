import { model } from "@medusajs/framework/utils"
import { CompanyEmployee } from "./company-employee"
import { Contract } from "./contract"

export const COMPANY_STATUSES = ["active", "inactive"] as const

/**
 * A business customer. Its employees are Medusa customers put in the company's own customer group
 * (`customer_group_id`, created with the company and renamed with it), which is what its contracts'
 * price lists are ruled on. An inactive company's price lists are drafts: its employees pay list price.
 */
export const Company = model
  .define("b2b_company", {
    id: model.id({ prefix: "comp" }).primaryKey(),
    name: model.text(),
    tax_id: model.text().nullable(),
    /** ISO 3166-1 alpha-2, lower case. */
    country_code: model.text().nullable(),
    contact_name: model.text().nullable(),
    contact_email: model.text().nullable(),
    contact_phone: model.text().nullable(),
    status: model.enum([...COMPANY_STATUSES]).default("active"),
    customer_group_id: model.text(),
    /** Receives the renewal reminders of the company's contracts. */
    account_manager_email: model.text().nullable(),
    metadata: model.json().nullable(),
    employees: model.hasMany(() => CompanyEmployee, { mappedBy: "company" }),
    contracts: model.hasMany(() => Contract, { mappedBy: "company" }),
  })
  .indexes([
    { on: ["customer_group_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["name"], where: "deleted_at IS NULL" },
  ])
