import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { CompaniesTable } from "../../components/b2b/companies-table"

/** B2B: the companies list; rows open the company (employees, contracts, price debugger). */
const B2bCompaniesPage = () => <CompaniesTable />

export const config = defineRouteConfig({
  label: "B2B companies",
  icon: BuildingStorefront,
})

export default B2bCompaniesPage
