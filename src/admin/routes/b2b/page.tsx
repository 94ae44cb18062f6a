import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront } from "@medusajs/icons"
import { Tabs } from "@medusajs/ui"
import { CompaniesTable } from "../../components/b2b/companies-table"
import { RenewalsSection } from "../../components/b2b/renewals-section"

/** B2B: the companies (rows open the company: employees, contracts, price debugger) and the contracts up for renewal. */
const B2bCompaniesPage = () => (
  <Tabs defaultValue="companies">
    <Tabs.List>
      <Tabs.Trigger value="companies">Companies</Tabs.Trigger>
      <Tabs.Trigger value="renewals">Renewals</Tabs.Trigger>
    </Tabs.List>
    <Tabs.Content value="companies" className="mt-3">
      <CompaniesTable />
    </Tabs.Content>
    <Tabs.Content value="renewals" className="mt-3">
      <RenewalsSection />
    </Tabs.Content>
  </Tabs>
)

export const config = defineRouteConfig({
  label: "B2B companies",
  icon: BuildingStorefront,
})

export default B2bCompaniesPage
