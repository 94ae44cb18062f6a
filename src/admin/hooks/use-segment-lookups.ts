import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import { segmentQueryKeys } from "../lib/segment-query-keys"
import type { ReferenceKind } from "../lib/segment-references"
import type { PickerOption } from "../lib/segment-types"

type Row = Record<string, unknown>

/** Where the options of one kind of id picker come from, and how a row is shown. */
type LookupSource = {
  path: string
  /** The list's key in the response (`{ collections: [...] }`). */
  key: string
  /** Medusa's `fields`; our own routes take none. */
  fields?: string
  /** Whether the route filters by `q`; otherwise its first page is filtered here. */
  searchable: boolean
  /** Whether the route filters by `id` (to name the ids a saved condition holds). */
  byId: boolean
  option: (row: Row) => PickerOption
}

const text = (value: unknown) => (typeof value === "string" && value ? value : undefined)

const LOOKUPS = {
  product_ids: {
    path: "/admin/products",
    key: "products",
    fields: "id,title,handle",
    searchable: true,
    byId: true,
    option: (row) => ({ value: String(row.id), label: text(row.title) ?? String(row.id), hint: text(row.handle) }),
  },
  collection_ids: {
    path: "/admin/collections",
    key: "collections",
    fields: "id,title,handle",
    searchable: true,
    byId: true,
    option: (row) => ({ value: String(row.id), label: text(row.title) ?? String(row.id), hint: text(row.handle) }),
  },
  category_ids: {
    path: "/admin/product-categories",
    key: "product_categories",
    fields: "id,name,handle",
    searchable: true,
    byId: true,
    option: (row) => ({ value: String(row.id), label: text(row.name) ?? String(row.id), hint: text(row.handle) }),
  },
  tag_ids: {
    path: "/admin/product-tags",
    key: "product_tags",
    fields: "id,value",
    searchable: true,
    byId: true,
    option: (row) => ({ value: String(row.id), label: text(row.value) ?? String(row.id) }),
  },
  customer_group_ids: {
    path: "/admin/customer-groups",
    key: "customer_groups",
    fields: "id,name",
    searchable: true,
    byId: true,
    option: (row) => ({ value: String(row.id), label: text(row.name) ?? String(row.id) }),
  },
  region_ids: {
    path: "/admin/regions",
    key: "regions",
    fields: "id,name,currency_code",
    searchable: true,
    byId: true,
    option: (row) => ({
      value: String(row.id),
      label: text(row.name) ?? String(row.id),
      hint: text(row.currency_code)?.toUpperCase(),
    }),
  },
  tier_ids: {
    path: "/admin/loyalty/tiers",
    key: "tiers",
    searchable: false,
    byId: false,
    option: (row) => ({ value: String(row.id), label: text(row.name) ?? String(row.id), hint: `rank ${row.rank}` }),
  },
  segment_id: {
    path: "/admin/segments",
    key: "segments",
    searchable: true,
    byId: false,
    option: (row) => ({ value: String(row.id), label: text(row.name) ?? String(row.id), hint: `${row.member_count} members` }),
  },
} satisfies Record<string, LookupSource>

export type LookupKind = keyof typeof LOOKUPS

export const isLookupKind = (kind: string): kind is LookupKind => kind in LOOKUPS

/** Enough for a picker's list; past it the merchant narrows the search. */
const SEARCH_LIMIT = 20
/** Our own routes (tiers, segments) without an id filter: one page large enough to name what a tree refers to. */
const NAME_PAGE_LIMIT = 100

async function list(source: LookupSource, query: Record<string, unknown>): Promise<PickerOption[]> {
  const response = await sdk.client.fetch<Record<string, unknown>>(source.path, {
    query: { ...(source.fields ? { fields: source.fields } : {}), ...query },
  })
  const rows = response[source.key]
  return Array.isArray(rows) ? rows.map((row: Row) => source.option(row)) : []
}

const matches = (option: PickerOption, term: string) =>
  !term || `${option.label} ${option.hint ?? ""} ${option.value}`.toLowerCase().includes(term.toLowerCase())

/** The options of an id picker matching what the merchant typed (all of the first page when empty). */
export function useLookupSearch(kind: LookupKind, term: string, { enabled = true }: { enabled?: boolean } = {}) {
  const source: LookupSource = LOOKUPS[kind]
  const search = term.trim()
  return useQuery<PickerOption[], FetchError>({
    queryKey: segmentQueryKeys.lookup("search", kind, source.searchable ? search : ""),
    queryFn: () =>
      list(source, source.searchable ? { limit: SEARCH_LIMIT, ...(search ? { q: search } : {}) } : { limit: NAME_PAGE_LIMIT }),
    select: source.searchable ? undefined : (options) => options.filter((option) => matches(option, search)),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}

/**
 * Names of the ids a condition holds (its chips, the explain view). Ids of deleted records are
 * absent from the map: callers show the id.
 */
export function useLookupNames(kind: LookupKind, ids: string[]) {
  const source: LookupSource = LOOKUPS[kind]
  const wanted = [...new Set(ids)].sort()
  return useQuery<Map<string, PickerOption>, FetchError>({
    queryKey: segmentQueryKeys.lookup("names", kind, source.byId ? wanted : "first-page"),
    queryFn: async () => {
      const options = await list(source, source.byId ? { id: wanted, limit: wanted.length } : { limit: NAME_PAGE_LIMIT })
      return new Map(options.map((option) => [option.value, option]))
    },
    enabled: wanted.length > 0,
    staleTime: 60_000,
  })
}

type ProductWithVariants = {
  id: string
  title: string
  variants?: { id: string; title: string | null; sku: string | null }[] | null
}

const variantOption = (product: { title?: string | null }, variant: { id: string; title: string | null; sku: string | null }) => ({
  value: variant.id,
  label: [product.title, variant.title].filter(Boolean).join(" · ") || variant.id,
  hint: variant.sku ?? undefined,
})

/** Variants of the products matching what the merchant typed (Medusa's product `q` also reads SKUs). */
export function useVariantSearch(term: string, { enabled = true }: { enabled?: boolean } = {}) {
  const search = term.trim()
  return useQuery<PickerOption[], FetchError>({
    queryKey: segmentQueryKeys.lookup("variant-search", search),
    queryFn: async () => {
      const { products } = await sdk.client.fetch<{ products: ProductWithVariants[] }>("/admin/products", {
        query: { fields: "id,title,variants.id,variants.title,variants.sku", limit: 10, ...(search ? { q: search } : {}) },
      })
      return products.flatMap((product) =>
        (product.variants ?? []).map((variant) => ({ ...variantOption(product, variant), group: product.title }))
      )
    },
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  })
}

/** Names of variant ids ("PixelForge 3.0 · English"). */
export function useVariantNames(ids: string[]) {
  const wanted = [...new Set(ids)].sort()
  return useQuery<Map<string, PickerOption>, FetchError>({
    queryKey: segmentQueryKeys.lookup("variant-names", wanted),
    queryFn: async () => {
      const { variants } = await sdk.client.fetch<{
        variants: { id: string; title: string | null; sku: string | null; product?: { title: string } | null }[]
      }>("/admin/product-variants", {
        query: { id: wanted, fields: "id,title,sku,product.title", limit: wanted.length },
      })
      return new Map(variants.map((variant) => [variant.id, variantOption(variant.product ?? {}, variant)]))
    },
    enabled: wanted.length > 0,
    staleTime: 60_000,
  })
}

/** The store's currencies (default first): the choices of a spend condition. */
export function useStoreCurrencies() {
  return useQuery<{ code: string; isDefault: boolean }[], FetchError>({
    queryKey: segmentQueryKeys.lookup("store-currencies"),
    queryFn: async () => {
      const { stores } = await sdk.client.fetch<{
        stores: { supported_currencies?: { currency_code: string; is_default: boolean }[] | null }[]
      }>("/admin/stores", { query: { fields: "id,supported_currencies.currency_code,supported_currencies.is_default" } })
      const currencies = stores[0]?.supported_currencies ?? []
      return currencies
        .map((currency) => ({ code: currency.currency_code, isDefault: currency.is_default }))
        .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.code.localeCompare(b.code))
    },
    staleTime: 5 * 60_000,
  })
}

/**
 * Names for every id a definition refers to (explain view): one request per kind of id. `nameOf`
 * answers undefined for ids it does not know (deleted records).
 */
export function useReferenceNames(references: Record<ReferenceKind, string[]>) {
  const products = useLookupNames("product_ids", references.product_ids)
  const variants = useVariantNames(references.variant_ids)
  const collections = useLookupNames("collection_ids", references.collection_ids)
  const categories = useLookupNames("category_ids", references.category_ids)
  const tags = useLookupNames("tag_ids", references.tag_ids)
  const groups = useLookupNames("customer_group_ids", references.customer_group_ids)
  const regions = useLookupNames("region_ids", references.region_ids)
  const tiers = useLookupNames("tier_ids", references.tier_ids)
  const segments = useLookupNames("segment_id", references.segment_id)
  const maps = [products, variants, collections, categories, tags, groups, regions, tiers, segments].map((query) => query.data)
  return {
    nameOf: (id: string): string | undefined => {
      for (const map of maps) {
        const option = map?.get(id)
        if (option) {
          return option.label
        }
      }
      return undefined
    },
  }
}
