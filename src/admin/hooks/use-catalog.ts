import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { loyaltyQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type { AdminCatalogProductsResponse, AdminCatalogVariantsResponse, CatalogProduct } from "../lib/types"

const PRODUCT_FIELDS = "id,title,handle,variants.id,variants.title,variants.sku"
const SEARCH_LIMIT = 10

/**
 * Products matching what the merchant typed: a product id (`prod_…`), a handle, or words of the
 * title, description or a variant's SKU (Medusa's `q`). Handles are not searchable through `q`,
 * so an exact handle is looked up beside it.
 */
export function useProductSearch(term: string, { enabled = true }: { enabled?: boolean } = {}) {
  const search = term.trim()
  return useQuery<CatalogProduct[], FetchError>({
    queryKey: loyaltyQueryKeys.catalog("product-search", search),
    queryFn: async () => {
      const list = (query: Record<string, unknown>) =>
        sdk.client
          .fetch<AdminCatalogProductsResponse>("/admin/products", {
            query: { fields: PRODUCT_FIELDS, limit: SEARCH_LIMIT, ...query },
          })
          .then(({ products }) => products)
      if (/^prod_/.test(search)) {
        return list({ id: search })
      }
      const [byHandle, byText] = await Promise.all([
        /^[a-z0-9][a-z0-9-]*$/.test(search) ? list({ handle: search }) : Promise.resolve([]),
        list(search ? { q: search } : {}),
      ])
      const byId = new Map([...byHandle, ...byText].map((product) => [product.id, product]))
      return [...byId.values()]
    },
    enabled,
    placeholderData: keepPreviousData,
  })
}

/**
 * Names for the product and variant ids a list shows (rules, gift shipments). Ids of deleted or
 * unknown items are simply absent from the maps: callers fall back to the id.
 */
export function useCatalogNames({ productIds, variantIds }: { productIds: string[]; variantIds: string[] }) {
  const products = [...new Set(productIds)].sort()
  const variants = [...new Set(variantIds)].sort()
  const productQuery = useQuery<Map<string, string>, FetchError>({
    queryKey: loyaltyQueryKeys.catalog("product-names", products),
    queryFn: async () => {
      const { products: rows } = await sdk.client.fetch<AdminCatalogProductsResponse>("/admin/products", {
        query: { id: products, fields: "id,title", limit: products.length },
      })
      return new Map(rows.map((product) => [product.id, product.title]))
    },
    enabled: products.length > 0,
    staleTime: 60_000,
  })
  const variantQuery = useQuery<Map<string, string>, FetchError>({
    queryKey: loyaltyQueryKeys.catalog("variant-names", variants),
    queryFn: async () => {
      const { variants: rows } = await sdk.client.fetch<AdminCatalogVariantsResponse>("/admin/product-variants", {
        query: { id: variants, fields: "id,title,sku,product.id,product.title", limit: variants.length },
      })
      return new Map(
        rows.map((variant) => [
          variant.id,
          [[variant.product?.title, variant.title].filter(Boolean).join(" · "), variant.sku && `(${variant.sku})`]
            .filter(Boolean)
            .join(" "),
        ])
      )
    },
    enabled: variants.length > 0,
    staleTime: 60_000,
  })
  return {
    productName: (id: string | null) => (id ? productQuery.data?.get(id) : undefined),
    variantName: (id: string | null) => (id ? variantQuery.data?.get(id) : undefined),
  }
}
