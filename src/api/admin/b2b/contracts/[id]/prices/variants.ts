import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

export type PriceSetVariant = { id: string; sku: string | null; title: string | null; product_title: string | null }

/** The variant of each price set (the link Medusa keeps between variants and their prices), for a page of prices. */
export async function variantsOfPriceSets(scope: MedusaContainer, priceSetIds: string[]): Promise<Map<string, PriceSetVariant>> {
  const ids = [...new Set(priceSetIds)]
  if (!ids.length) {
    return new Map()
  }
  const { data } = await scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "product_variant_price_set",
    fields: ["price_set_id", "variant.id", "variant.sku", "variant.title", "variant.product.title"],
    filters: { price_set_id: ids },
  })
  const out = new Map<string, PriceSetVariant>()
  for (const link of data as { price_set_id: string; variant?: { id: string; sku: string | null; title: string | null; product?: { title: string | null } | null } | null }[]) {
    if (link.variant) {
      out.set(link.price_set_id, { id: link.variant.id, sku: link.variant.sku, title: link.variant.title, product_title: link.variant.product?.title ?? null })
    }
  }
  return out
}
