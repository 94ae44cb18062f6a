import type { Context, IPricingModuleService, PriceDTO } from "@medusajs/framework/types"
import type { ListPrice } from "../../../modules/b2b/types"

/** What identifies a price in a price list: its variant's price set, currency and quantity band. */
export type PriceKey = Pick<ListPrice, "price_set_id" | "currency_code" | "min_quantity" | "max_quantity">

export const priceKey = (p: PriceKey) => `${p.price_set_id}|${p.currency_code}|${p.min_quantity ?? ""}|${p.max_quantity ?? ""}`

const quantity = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value))

/** A price as the Pricing module or the query graph return it. */
export type PriceLike = Pick<PriceDTO, "id"> & {
  price_set_id?: string | null
  currency_code?: string | null
  amount?: unknown
  raw_amount?: { value?: string } | null
  min_quantity?: unknown
  max_quantity?: unknown
}

/** A Medusa price as the diff sees it: the amount as its exact decimal string, not a float. */
export function toListPrice(price: PriceLike): ListPrice {
  const raw = price.raw_amount?.value
  return {
    id: price.id,
    price_set_id: price.price_set_id!,
    currency_code: price.currency_code!,
    amount: raw ?? String(price.amount),
    min_quantity: quantity(price.min_quantity),
    max_quantity: quantity(price.max_quantity),
  }
}

export const LIST_PRICE_SELECT = ["id", "price_set_id", "currency_code", "amount", "raw_amount", "min_quantity", "max_quantity", "updated_at"]

/** Changes to one price list's prices. */
export type ListPriceChanges = {
  price_list_id: string
  add: (PriceKey & { amount: string })[]
  update: ListPrice[]
  remove: string[]
}

/** What `writeListPrices` did, which is what `undoListPrices` takes back. */
export type WrittenListPrices = { price_list_id: string; created: ListPrice[]; updated_before: ListPrice[]; removed_ids: string[] }

/**
 * Writes a price list's changes through the Pricing module: new prices added, amounts updated,
 * prices soft-deleted (restorable). Returns the prices created and the updated ones as they were;
 * when a write fails, what the earlier ones wrote is taken back before the error is rethrown.
 */
export async function writeListPrices(
  pricing: IPricingModuleService,
  changes: ListPriceChanges,
  before: Map<string, ListPrice>,
  context: Context = {}
): Promise<WrittenListPrices> {
  const written: WrittenListPrices = { price_list_id: changes.price_list_id, created: [], updated_before: [], removed_ids: [] }
  try {
    if (changes.add.length) {
      const created = await pricing.addPriceListPrices([{ price_list_id: changes.price_list_id, prices: changes.add.map((p) => ({ ...p })) }], context)
      written.created = created.map(toListPrice)
    }
    if (changes.update.length) {
      await pricing.updatePriceListPrices([{ price_list_id: changes.price_list_id, prices: changes.update.map((p) => ({ ...p })) }], context)
      written.updated_before = changes.update.map((p) => before.get(p.id)!)
    }
    if (changes.remove.length) {
      await pricing.softDeletePrices(changes.remove, {}, context)
      written.removed_ids = changes.remove
    }
  } catch (e) {
    // A step whose own call fails is not compensated: what this call wrote is taken back here.
    await undoListPrices(pricing, written, context)
    throw e
  }
  return written
}

/** Takes back what `writeListPrices` wrote: created prices deleted, amounts restored, removed prices restored. */
export async function undoListPrices(pricing: IPricingModuleService, written: WrittenListPrices, context: Context = {}): Promise<void> {
  if (written.created.length) {
    await pricing.removePrices(written.created.map((p) => p.id), context)
  }
  if (written.updated_before.length) {
    await pricing.updatePriceListPrices([{ price_list_id: written.price_list_id, prices: written.updated_before.map((p) => ({ ...p })) }], context)
  }
  if (written.removed_ids.length) {
    await pricing.restorePrices(written.removed_ids, {}, context)
  }
}
