import type { CalculatedPriceSet, MedusaContainer, MedusaPricingContext } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules, QueryContext } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import { resolvePrice, type CandidatePrice, type EvaluatedPrice } from "../../../modules/b2b/utils/price-resolution"
import { retrieveCompanies } from "./company-checks"
import { toListPrice } from "./list-price-writes"
import { lookUpVariants } from "./variant-lookup"

export type ExplainVariantPriceInput = {
  customer_id?: string
  company_id?: string
  variant_id: string
  quantity?: number
  region_id?: string
  currency_code?: string
  at?: Date | string
}

type Contracted = { contract_id: string; contract_title: string; company_id: string; company_name: string }

export type ExplainedPrice = Omit<EvaluatedPrice, "price_list"> & {
  price_list: (NonNullable<EvaluatedPrice["price_list"]> & { contract: Contracted | null }) | null
}

export type ExplainVariantPriceResult = {
  context: {
    customer_id: string | null
    company: { id: string; name: string } | null
    customer_groups: { id: string; name: string }[]
    region_id: string | null
    currency_code: string
    quantity: number | null
    at: string
  }
  variant: { id: string; sku: string | null; price_set_id: string }
  /** What Medusa's Pricing module answers now (calculatePrices judges validity by the database's clock, not by `at`). */
  medusa: { price_id: string | null; price_list_id: string | null; amount: number | null; agrees: boolean; asked_at: string } | null
  chosen: ExplainedPrice | null
  candidates: ExplainedPrice[]
}

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

async function groupsOf(container: MedusaContainer, input: ExplainVariantPriceInput) {
  const customers = container.resolve(Modules.CUSTOMER)
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  let groupIds: string[] = []
  let companyId = input.company_id ?? null
  if (input.customer_id) {
    const [customer] = await customers.listCustomers({ id: input.customer_id }, { select: ["id"], relations: ["groups"] })
    if (!customer) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${input.customer_id}" not found`)
    }
    groupIds = (customer.groups ?? []).map((g) => g.id)
    const [employee] = await b2b.listCompanyEmployees({ customer_id: input.customer_id }, { select: ["company_id"] })
    companyId = companyId ?? employee?.company_id ?? null
  }
  const company = companyId ? (await retrieveCompanies(container, [companyId]))[0] : null
  if (company && !input.customer_id) {
    groupIds = [company.customer_group_id]
  }
  const groups = groupIds.length ? await customers.listCustomerGroups({ id: groupIds }, { select: ["id", "name"] }) : []
  return { company, groups: groups.map((g) => ({ id: g.id, name: g.name ?? g.id })) }
}

/**
 * The price-resolution debugger: for a customer (their groups) or a company (its group), a
 * variant, a quantity (none: a product page), a region or currency and a time, every price of the
 * variant with each check (currency, quantity band, list status, validity, list rules, price
 * rules) and why it was chosen or not, replaying Medusa's own order; beside it, what the Pricing
 * module's calculatePrices answers for the same context now, and whether both agree. Reads only.
 */
export const explainVariantPriceStep = createStep("explain-variant-price", async (input: ExplainVariantPriceInput, { container }) => {
  const pricing = container.resolve(Modules.PRICING)
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const { company, groups } = await groupsOf(container, input)
  let currency = input.currency_code?.toLowerCase() ?? null
  if (input.region_id) {
    const [region] = await container.resolve(Modules.REGION).listRegions({ id: input.region_id }, { select: ["id", "currency_code"] })
    if (!region) {
      throw invalid(`region_id: no region "${input.region_id}"`)
    }
    if (currency && currency !== region.currency_code) {
      throw invalid(`currency_code: region ${region.id} charges in ${region.currency_code}, not ${currency}; give one of them`)
    }
    currency = region.currency_code
  }
  if (!currency) {
    throw invalid("region_id: give the region (or a currency_code) the price is asked in")
  }
  const { byId } = await lookUpVariants(container, { ids: [input.variant_id] })
  const variant = byId.get(input.variant_id)
  if (!variant) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Variant with id "${input.variant_id}" not found`)
  }
  if (!variant.price_set_id) {
    throw invalid(`variant_id: variant ${variant.id} has no prices (no price set)`)
  }
  const prices = await pricing.listPrices({ price_set_id: [variant.price_set_id] }, { relations: ["price_list", "price_list.price_list_rules", "price_rules"] })
  const candidates: CandidatePrice[] = prices.map((p) => {
    const list = p.price_list as
      | { id: string; title: string; type: "sale" | "override"; status: string; starts_at: Date | null; ends_at: Date | null; price_list_rules?: { attribute: string; value: unknown }[]; deleted_at?: Date | null }
      | null
      | undefined
    return {
      ...toListPrice(p),
      rules: (p.price_rules ?? []).map((r) => ({ attribute: r.attribute, operator: (r as { operator?: string }).operator ?? "eq", value: String(r.value) })),
      price_list: list
        ? {
            id: list.id,
            title: list.title,
            type: list.type,
            status: list.status,
            starts_at: list.starts_at ? new Date(list.starts_at) : null,
            ends_at: list.ends_at ? new Date(list.ends_at) : null,
            rules: (list.price_list_rules ?? []).map((r) => ({ attribute: r.attribute, value: (Array.isArray(r.value) ? r.value : [r.value]).map(String) })),
          }
        : null,
    }
  })
  const at = input.at ? new Date(input.at) : new Date()
  const context = { currency_code: currency, region_id: input.region_id ?? null, customer_group_ids: groups.map((g) => g.id), quantity: input.quantity, at }
  const resolution = resolvePrice(candidates, context)
  // The store's own way of asking (GET /store/product-variants): the query graph hands this
  // context to the Pricing module's calculatePrices; a cart line adds its quantity.
  const pricingContext: MedusaPricingContext & { quantity?: number } = { currency_code: currency }
  if (input.region_id) pricingContext.region_id = input.region_id
  if (groups.length || input.customer_id) pricingContext.customer = { groups: groups.map((g) => ({ id: g.id })) }
  if (input.quantity !== undefined) pricingContext.quantity = input.quantity
  const askedAt = new Date()
  const { data: asked } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "variant",
    fields: ["id", "calculated_price.*"],
    filters: { id: variant.id },
    context: { calculated_price: QueryContext(pricingContext) },
  })
  const calculated = (asked[0] as { calculated_price?: CalculatedPriceSet | null } | undefined)?.calculated_price ?? null
  const listIds = [...new Set(candidates.flatMap((c) => (c.price_list ? [c.price_list.id] : [])))]
  const contracts = listIds.length ? await b2b.listContracts({ price_list_id: listIds }, { select: ["id", "title", "company_id", "price_list_id"] }) : []
  const companies = contracts.length ? await b2b.listCompanies({ id: [...new Set(contracts.map((c) => c.company_id))] }, { select: ["id", "name"] }) : []
  const withContract = (price: EvaluatedPrice): ExplainedPrice => {
    const contract = price.price_list ? contracts.find((c) => c.price_list_id === price.price_list!.id) : undefined
    return {
      ...price,
      price_list: price.price_list
        ? {
            ...price.price_list,
            contract: contract
              ? { contract_id: contract.id, contract_title: contract.title, company_id: contract.company_id, company_name: companies.find((c) => c.id === contract.company_id)?.name ?? contract.company_id }
              : null,
          }
        : null,
    }
  }
  const medusaPriceId = calculated?.calculated_price?.id ?? null
  return new StepResponse<ExplainVariantPriceResult>({
    context: {
      customer_id: input.customer_id ?? null,
      company: company ? { id: company.id, name: company.name } : null,
      customer_groups: groups,
      region_id: input.region_id ?? null,
      currency_code: currency,
      quantity: input.quantity ?? null,
      at: at.toISOString(),
    },
    variant: { id: variant.id, sku: variant.sku, price_set_id: variant.price_set_id },
    medusa: calculated
      ? {
          price_id: medusaPriceId,
          price_list_id: calculated.calculated_price?.price_list_id ?? null,
          amount: calculated.calculated_amount === null ? null : Number(calculated.calculated_amount),
          agrees: medusaPriceId === (resolution.chosen?.id ?? null),
          asked_at: askedAt.toISOString(),
        }
      : null,
    chosen: resolution.chosen ? withContract(resolution.chosen) : null,
    candidates: resolution.candidates.map(withContract),
  })
})
