import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { setContractPricesWorkflow } from "../../../../../../workflows/b2b/set-contract-prices"
import { LIST_PRICE_SELECT, toListPrice } from "../../../../../../workflows/b2b/steps/list-price-writes"
import { lookUpVariants } from "../../../../../../workflows/b2b/steps/variant-lookup"
import { refetchB2b } from "../../../helpers"
import type { AdminContractPricesParamsType, AdminSetContractPricesType } from "../../../validators"
import { variantsOfPriceSets } from "./variants"

/**
 * A contract's prices, a page at a time in variant order then band (the editor's tier table),
 * each with its variant's SKU and titles (unknown contract: 404).
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminContractPricesParamsType>, res: MedusaResponse) => {
  const contract = await refetchB2b<{ price_list_id: string }>(req.scope, "b2b_contract", req.params.id, ["id", "price_list_id"])
  const { limit, offset, variant_id } = req.validatedQuery
  const pricing = req.scope.resolve(Modules.PRICING)
  let priceSetIds: string[] | undefined
  if (variant_id) {
    const { byId } = await lookUpVariants(req.scope, { ids: [variant_id] })
    priceSetIds = byId.get(variant_id)?.price_set_id ? [byId.get(variant_id)!.price_set_id!] : []
  }
  const [rows, count] = await pricing.listAndCountPrices(
    { price_list_id: [contract.price_list_id], ...(priceSetIds ? { price_set_id: priceSetIds } : {}) },
    { select: LIST_PRICE_SELECT, order: { price_set_id: "ASC", min_quantity: "ASC", id: "ASC" }, skip: offset, take: limit }
  )
  const prices = rows.map(toListPrice)
  const variants = await variantsOfPriceSets(req.scope, prices.map((p) => p.price_set_id))
  res.json({
    prices: prices.map((p) => ({ ...p, variant: variants.get(p.price_set_id) ?? null })),
    count,
    limit,
    offset,
  })
}

/**
 * Sets variants' volume tiers in the contract (in its currency): each variant's bands replace
 * its bands; no bands remove the variant. Overlapping bands, unknown variants: 400 naming them.
 */
export const POST = async (req: AuthenticatedMedusaRequest<AdminSetContractPricesType>, res: MedusaResponse) => {
  const { result } = await setContractPricesWorkflow(req.scope).run({
    input: {
      contract_id: req.params.id,
      variants: req.validatedBody.variants.map((v) => ({
        variant_id: v.variant_id,
        tiers: v.tiers.map((t) => ({ min_quantity: t.min_quantity ?? null, max_quantity: t.max_quantity ?? null, amount: t.amount })),
      })),
    },
  })
  res.json({ result })
}
