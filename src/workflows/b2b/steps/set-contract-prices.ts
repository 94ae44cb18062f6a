import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { describeBand, findOverlappingBands } from "../../../modules/b2b/utils/bands"
import type { ListPrice } from "../../../modules/b2b/types"
import { retrieveContracts } from "./contract-checks"
import { LIST_PRICE_SELECT, priceKey, toListPrice, undoListPrices, writeListPrices, type ListPriceChanges, type WrittenListPrices } from "./list-price-writes"
import { lookUpVariants } from "./variant-lookup"

export type VolumeTier = { min_quantity: number | null; max_quantity: number | null; amount: string }

export type SetContractPricesInput = {
  contract_id: string
  /** Each variant's tiers replace its tiers in the contract (in the contract's currency); no tiers: the variant leaves the contract. */
  variants: { variant_id: string; tiers: VolumeTier[] }[]
}

export type SetContractPricesResult = { contract_id: string; price_list_id: string; added: number; changed: number; removed: number; unchanged: number }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Sets the volume tiers of variants in a contract's price list (unknown contract: NOT_FOUND): the
 * variants must exist with a price set, each variant's bands must not overlap, amounts are above
 * 0 (checked by the route) in the contract's currency. Bands kept with a new amount are updated,
 * new ones added, missing ones removed, through the Pricing module; compensation takes it all back.
 */
export const setContractPricesStep = createStep(
  "set-contract-prices",
  async (input: SetContractPricesInput, { container }) => {
    const [contract] = await retrieveContracts(container, [input.contract_id])
    const ids = input.variants.map((v) => v.variant_id)
    const repeated = ids.findIndex((id, i) => ids.indexOf(id) !== i)
    if (repeated !== -1) {
      throw invalid(`variants[${repeated}].variant_id: "${ids[repeated]}" is given twice; give all of a variant's tiers once`)
    }
    const { byId } = await lookUpVariants(container, { ids })
    input.variants.forEach((v, i) => {
      const variant = byId.get(v.variant_id)
      if (!variant) {
        throw invalid(`variants[${i}].variant_id: no variant "${v.variant_id}"`)
      }
      if (!variant.price_set_id) {
        throw invalid(`variants[${i}].variant_id: variant "${v.variant_id}" has no prices in Medusa yet (no price set); give it a base price first`)
      }
      const overlaps = findOverlappingBands(v.tiers)
      if (overlaps.length) {
        const { band, other } = overlaps[0]
        throw invalid(
          `variants[${i}].tiers[${v.tiers.indexOf(band)}]: the band ${describeBand(band.min_quantity, band.max_quantity)} overlaps tiers[${v.tiers.indexOf(other)}] (${describeBand(other.min_quantity, other.max_quantity)})`
        )
      }
    })
    const pricing = container.resolve(Modules.PRICING)
    const priceSetIds = input.variants.map((v) => byId.get(v.variant_id)!.price_set_id!)
    const current = priceSetIds.length
      ? (await pricing.listPrices({ price_list_id: [contract.price_list_id], price_set_id: priceSetIds, currency_code: contract.currency_code }, { select: LIST_PRICE_SELECT })).map(toListPrice)
      : []
    const before = new Map(current.map((p) => [p.id, p]))
    const byKey = new Map(current.map((p) => [priceKey(p), p]))
    const changes: ListPriceChanges = { price_list_id: contract.price_list_id, add: [], update: [], remove: [] }
    const kept = new Set<string>()
    let unchanged = 0
    input.variants.forEach((v, i) => {
      for (const tier of v.tiers) {
        const wanted = { price_set_id: priceSetIds[i], currency_code: contract.currency_code, min_quantity: tier.min_quantity, max_quantity: tier.max_quantity, amount: tier.amount }
        const existing = byKey.get(priceKey(wanted))
        if (!existing) {
          changes.add.push(wanted)
          continue
        }
        kept.add(existing.id)
        if (MathBN.eq(existing.amount, wanted.amount)) {
          unchanged++
        } else {
          changes.update.push({ ...existing, amount: wanted.amount } as ListPrice)
        }
      }
    })
    changes.remove = current.filter((p) => !kept.has(p.id)).map((p) => p.id)
    const written = await writeListPrices(pricing, changes, before)
    return new StepResponse<SetContractPricesResult, WrittenListPrices>(
      { contract_id: contract.id, price_list_id: contract.price_list_id, added: changes.add.length, changed: changes.update.length, removed: changes.remove.length, unchanged },
      written
    )
  },
  async (written, { container }) => {
    if (!written) {
      return
    }
    await undoListPrices(container.resolve(Modules.PRICING), written)
  }
)
