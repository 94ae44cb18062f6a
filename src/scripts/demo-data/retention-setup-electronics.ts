import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { B2B_MODULE } from "../../modules/b2b"
import type B2bModuleService from "../../modules/b2b/service"
import { INSIGHTS_MODULE } from "../../modules/insights"
import type InsightsModuleService from "../../modules/insights/service"
import type { CoPurchaseRunSummary, PropensityTrainingResult } from "../../modules/insights/types"
import { addCompanyEmployeesWorkflow } from "../../workflows/b2b/add-company-employees"
import { createCompaniesWorkflow } from "../../workflows/b2b/create-companies"
import { createContractsWorkflow } from "../../workflows/b2b/create-contracts"
import { setContractPricesWorkflow } from "../../workflows/b2b/set-contract-prices"
import { computeCoPurchasesWorkflow } from "../../workflows/insights/compute-co-purchases"
import { createPropensityModelWorkflow } from "../../workflows/insights/create-propensity-model"
import { trainPropensityModelWorkflow } from "../../workflows/insights/train-propensity-model"
import { planCase } from "./plan"
import type { SeedOptions } from "./seed-options"
import type { DemoStore } from "./store-setup"

export const DEMO_PROPENSITY_MODEL_NAME = "Likely to buy the 20-inch LCD TV within 30 days"
export const DEMO_COMPANY_NAME = "Contoso Hotels"
export const DEMO_CONTRACT_TITLE = "Contoso Hotels: room TVs"
/** The buyer's monthly budget, in the contract's currency. */
export const DEMO_BUYER_MONTHLY_LIMIT = 5000

/** The contract's volume bands (USD, major units): the hotel chain buys room TVs by the dozen. */
export const DEMO_CONTRACT_PRICES: { sku: string; tiers: { min_quantity: number | null; max_quantity: number | null; amount: string }[] }[] = [
  {
    sku: "EL-TV-20",
    tiers: [
      { min_quantity: 1, max_quantity: 9, amount: "179" },
      { min_quantity: 10, max_quantity: 49, amount: "169" },
      { min_quantity: 50, max_quantity: null, amount: "155" },
    ],
  },
  {
    sku: "EL-TV-55",
    tiers: [
      { min_quantity: 1, max_quantity: 9, amount: "1199" },
      { min_quantity: 10, max_quantity: null, amount: "1099" },
    ],
  },
]

/** The first planned electronics customers work for the hotel chain; the first is its buyer with a monthly limit. */
export function demoEmployeeEmails(options: SeedOptions): string[] {
  return [...planCase("electronics", 3, options)].map((c) => c.email)
}

/**
 * Co-purchase pairs over the seeded orders, then what needs them. Recomputing skips itself when the
 * purchase facts did not change, so a second run does no work.
 */
export async function computeDemoCoPurchases(container: MedusaContainer): Promise<CoPurchaseRunSummary[]> {
  const { result } = await computeCoPurchasesWorkflow(container).run({ input: { scopes: ["order", "window"] } })
  return result
}

/** A propensity model for the new 20-inch TV, trained here (the worker would, on the event the workflow emits). */
export async function ensureDemoPropensityModel(container: MedusaContainer, store: DemoStore): Promise<PropensityTrainingResult | null> {
  const tv = store.variantBySku["EL-TV-20"]
  if (!tv) {
    return null
  }
  const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
  const [existing] = await insights.listPropensityModels({ name: DEMO_PROPENSITY_MODEL_NAME }, { select: ["id"] })
  if (existing) {
    return null
  }
  const { result: model } = await createPropensityModelWorkflow(container).run({
    input: { name: DEMO_PROPENSITY_MODEL_NAME, target: { product_ids: [tv.product_id] }, horizon_days: 30 },
  })
  // Trained as of today, as the worker trains it on the event the definition emits; the default
  // anchor is today.
  const { result } = await trainPropensityModelWorkflow(container).run({ input: { model_id: model.id } })
  return result
}

export type B2bSetupReport = { companies: number; employees: number; contracts: number; prices_added: number }

/**
 * Contoso Hotels: a company with three existing electronics customers as employees (one buyer with
 * a monthly spending limit) and an active contract whose price list has volume bands on two TVs.
 * Matched by company name, customer and contract title: a second run adds nothing.
 */
export async function ensureDemoCompany(container: MedusaContainer, store: DemoStore, options: SeedOptions): Promise<B2bSetupReport> {
  const report: B2bSetupReport = { companies: 0, employees: 0, contracts: 0, prices_added: 0 }
  if (!store.variantBySku["EL-TV-20"]) {
    return report
  }
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  let [company] = await b2b.listCompanies({ name: DEMO_COMPANY_NAME }, { select: ["id"] })
  if (!company) {
    const { result } = await createCompaniesWorkflow(container).run({
      input: {
        companies: [
          {
            name: DEMO_COMPANY_NAME,
            country_code: "us",
            contact_name: "Procurement desk",
            contact_email: "procurement@contoso-hotels.example",
            account_manager_email: "b2b@electronics.example",
          },
        ],
      },
    })
    company = result[0]
    report.companies++
  }

  const emails = demoEmployeeEmails(options)
  const customers = await container.resolve(Modules.CUSTOMER).listCustomers({ email: emails }, { select: ["id", "email"] })
  const idOf = new Map(customers.map((c) => [c.email, c.id]))
  const employed = await b2b.listCompanyEmployees({ customer_id: customers.map((c) => c.id) }, { select: ["customer_id"] })
  const hire = emails
    .map((email, i) => ({ id: idOf.get(email), i }))
    .filter((e): e is { id: string; i: number } => !!e.id && !employed.some((x) => x.customer_id === e.id))
  if (hire.length) {
    await addCompanyEmployeesWorkflow(container).run({
      input: {
        company_id: company.id,
        employees: hire.map(({ id, i }) =>
          i === 0
            ? { customer_id: id, role: "buyer" as const, spending_limit: DEMO_BUYER_MONTHLY_LIMIT, spending_limit_currency_code: "usd", spending_limit_period: "month" as const }
            : { customer_id: id, role: i === 1 ? ("admin" as const) : ("buyer" as const) }
        ),
      },
    })
    report.employees = hire.length
  }

  let [contract] = await b2b.listContracts({ company_id: company.id, title: DEMO_CONTRACT_TITLE }, { select: ["id"] })
  if (!contract) {
    const { result } = await createContractsWorkflow(container).run({
      input: {
        contracts: [
          {
            company_id: company.id,
            title: DEMO_CONTRACT_TITLE,
            status: "active",
            // Open-ended and already valid, so the demo's storefront shows the contract prices today.
            valid_from: new Date(options.anchor.getTime() - 90 * 86_400_000),
            valid_to: null,
            currency_code: "usd",
            notes: "Volume bands for room TVs.",
          },
        ],
      },
    })
    contract = result[0]
    report.contracts++
  }
  const { result: prices } = await setContractPricesWorkflow(container).run({
    input: {
      contract_id: contract.id,
      variants: DEMO_CONTRACT_PRICES.filter((p) => store.variantBySku[p.sku]).map((p) => ({ variant_id: store.variantBySku[p.sku].id, tiers: p.tiers })),
    },
  })
  report.prices_added = prices.added
  return report
}
