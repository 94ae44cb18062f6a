import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../../../modules/customer-facts/service"

/** What the facts hold about one customer: aggregates and RFM, spend per currency, products bought (with their titles), consent history. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const [customer] = await req.scope.resolve(Modules.CUSTOMER).listCustomers({ id: req.params.id }, { select: ["id"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id "${req.params.id}" not found`)
  }
  const profile = await req.scope.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE).retrieveCustomerProfile(req.params.id)
  const variantIds = [...new Set(profile.products.map((p: { variant_id: string | null }) => p.variant_id))].filter((id): id is string => !!id)
  const { data: variants } = variantIds.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "product_variant",
        fields: ["id", "title", "product.title"],
        filters: { id: variantIds },
      })
    : { data: [] }
  const titles = new Map(variants.map((v) => [v.id, { product_title: v.product?.title ?? null, variant_title: v.title ?? null }]))
  const products = profile.products.map((p: { variant_id: string | null }) => ({
    ...p,
    ...(titles.get(p.variant_id ?? "") ?? { product_title: null, variant_title: null }),
  }))
  res.json({ customer_id: req.params.id, ...profile, products })
}
