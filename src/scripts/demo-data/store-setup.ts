import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { CASE_CURRENCY, CATALOG, DEMO_CASES, DEMO_REGIONS, priceOf, type DemoCase } from "./catalog"

export type DemoStoreVariant = { id: string; sku: string; title: string; product_id: string; product_title: string }

/** Ids of the demo store's fixed records, found or created by `ensureDemoStore`. */
export type DemoStore = {
  salesChannelByCase: Record<DemoCase, string>
  regionByKey: Record<string, { id: string; currency_code: string }>
  shippingOptionByRegion: Record<string, string>
  variantBySku: Record<string, DemoStoreVariant>
  publishableKey: string
}

const SALES_CHANNEL_NAMES: Record<DemoCase, string> = {
  pharmacy: "Pharmacy brand (Taiwan)",
  software: "Software vendor",
  electronics: "Electronics retailer",
}
const PUBLISHABLE_KEY_TITLE = "Retention demo storefront"
const STOCK_LOCATION_NAME = "Retention demo warehouse"
const SHIPPING_PROFILE_NAME = "Retention demo shipping"
const SHIPPING_OPTION_PREFIX = "Standard shipping"

/**
 * Creates the demo store's regions, tax regions, sales channels, warehouse, shipping options,
 * publishable key and catalogue, or finds them when a previous run made them (idempotent).
 */
export async function ensureDemoStore(container: MedusaContainer, cases: readonly DemoCase[]): Promise<DemoStore> {
  const salesChannelByCase = await ensureSalesChannels(container)
  await ensureStoreCurrencies(container, salesChannelByCase)
  const regionByKey = await ensureRegions(container)
  await ensureTaxRegions(container)
  const publishableKey = await ensurePublishableKey(container, Object.values(salesChannelByCase))
  const shippingOptionByRegion = await ensureShipping(container, regionByKey, Object.values(salesChannelByCase))
  const variantBySku = await ensureCatalog(container, cases, salesChannelByCase)
  return { salesChannelByCase, regionByKey, shippingOptionByRegion, variantBySku, publishableKey }
}

async function ensureSalesChannels(container: MedusaContainer): Promise<Record<DemoCase, string>> {
  const salesChannels = container.resolve(Modules.SALES_CHANNEL)
  const existing = await salesChannels.listSalesChannels({ name: Object.values(SALES_CHANNEL_NAMES) })
  const missing = DEMO_CASES.filter((c) => !existing.some((sc) => sc.name === SALES_CHANNEL_NAMES[c]))
  if (missing.length) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: missing.map((c) => ({ name: SALES_CHANNEL_NAMES[c] })) },
    })
    existing.push(...result)
  }
  const byCase = {} as Record<DemoCase, string>
  for (const c of DEMO_CASES) {
    byCase[c] = existing.find((sc) => sc.name === SALES_CHANNEL_NAMES[c])!.id
  }
  return byCase
}

async function ensureStoreCurrencies(container: MedusaContainer, salesChannelByCase: Record<DemoCase, string>) {
  const storeModule = container.resolve(Modules.STORE)
  const [store] = await storeModule.listStores({}, { relations: ["supported_currencies"] })
  const currencies = [...new Set(DEMO_REGIONS.map((r) => r.currency_code))]
  const have = new Set((store.supported_currencies ?? []).map((c) => c.currency_code))
  if (currencies.every((c) => have.has(c)) && store.default_sales_channel_id) {
    return
  }
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Retention demo store",
        supported_currencies: currencies.map((currency_code) => ({ currency_code, is_default: currency_code === "usd" })),
        default_sales_channel_id: store.default_sales_channel_id ?? salesChannelByCase.electronics,
      },
    },
  })
}

async function ensureRegions(container: MedusaContainer) {
  const regionModule = container.resolve(Modules.REGION)
  const existing = await regionModule.listRegions({ name: { $in: DEMO_REGIONS.map((r) => r.name) } })
  const missing = DEMO_REGIONS.filter((r) => !existing.some((e) => e.name === r.name))
  if (missing.length) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: missing.map((r) => ({
          name: r.name,
          currency_code: r.currency_code,
          countries: r.countries,
          payment_providers: ["pp_system_default"],
        })),
      },
    })
    existing.push(...result)
  }
  const byKey: DemoStore["regionByKey"] = {}
  for (const r of DEMO_REGIONS) {
    const region = existing.find((e) => e.name === r.name)!
    byKey[r.key] = { id: region.id, currency_code: region.currency_code }
  }
  return byKey
}

async function ensureTaxRegions(container: MedusaContainer) {
  const taxModule = container.resolve(Modules.TAX)
  const existing = (await taxModule.listTaxRegions({})).filter((t) => !t.parent_id)
  const have = new Set(existing.map((t) => t.country_code))
  const missing = DEMO_REGIONS.flatMap((r) => r.countries).filter((c) => !have.has(c))
  if (missing.length) {
    await createTaxRegionsWorkflow(container).run({
      input: missing.map((country_code) => ({ country_code, provider_id: "tp_system" })),
    })
  }
}

async function ensurePublishableKey(container: MedusaContainer, salesChannelIds: string[]): Promise<string> {
  const apiKeyModule = container.resolve(Modules.API_KEY)
  let [key] = await apiKeyModule.listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: PUBLISHABLE_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    key = result[0]
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: salesChannelIds } })
  }
  return key.token
}

async function ensureShipping(
  container: MedusaContainer,
  regionByKey: DemoStore["regionByKey"],
  salesChannelIds: string[]
): Promise<Record<string, string>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const stockLocations = container.resolve(Modules.STOCK_LOCATION)

  const { data: options } = await query.graph({
    entity: "shipping_option",
    fields: ["id", "name"],
    filters: { name: DEMO_REGIONS.map((r) => `${SHIPPING_OPTION_PREFIX}, ${r.name}`) },
  })
  if (options.length === DEMO_REGIONS.length) {
    return Object.fromEntries(
      DEMO_REGIONS.map((r) => [r.key, options.find((o) => o.name === `${SHIPPING_OPTION_PREFIX}, ${r.name}`)!.id])
    )
  }

  let [location] = await stockLocations.listStockLocations({ name: STOCK_LOCATION_NAME })
  if (!location) {
    const { result } = await createStockLocationsWorkflow(container).run({
      input: { locations: [{ name: STOCK_LOCATION_NAME, address: { address_1: "1 Demo Way", city: "Taipei", country_code: "tw" } }] },
    })
    location = result[0]
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
    })
    await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: location.id, add: salesChannelIds } })
  }

  let [profile] = await fulfillment.listShippingProfiles({ type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: SHIPPING_PROFILE_NAME, type: "default" }] },
    })
    profile = result[0]
  }

  let [fulfillmentSet] = await fulfillment.listFulfillmentSets({ name: STOCK_LOCATION_NAME }, { relations: ["service_zones"] })
  if (!fulfillmentSet) {
    fulfillmentSet = await fulfillment.createFulfillmentSets({
      name: STOCK_LOCATION_NAME,
      type: "shipping",
      service_zones: DEMO_REGIONS.map((r) => ({
        name: r.name,
        geo_zones: r.countries.map((country_code) => ({ country_code, type: "country" as const })),
      })),
    })
    await link.create({
      [Modules.STOCK_LOCATION]: { stock_location_id: location.id },
      [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
    })
  }

  const have = new Set(options.map((o) => o.name))
  const missing = DEMO_REGIONS.filter((r) => !have.has(`${SHIPPING_OPTION_PREFIX}, ${r.name}`))
  const { result: created } = await createShippingOptionsWorkflow(container).run({
    input: missing.map((r) => ({
      name: `${SHIPPING_OPTION_PREFIX}, ${r.name}`,
      price_type: "flat" as const,
      provider_id: "manual_manual",
      service_zone_id: fulfillmentSet.service_zones.find((z) => z.name === r.name)!.id,
      shipping_profile_id: profile.id,
      type: { label: "Standard", description: "Delivered in 2 to 4 days.", code: "standard" },
      prices: [{ region_id: regionByKey[r.key].id, amount: r.currency_code === "jpy" ? 800 : r.currency_code === "twd" ? 100 : 5 }],
      rules: [
        { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
        { attribute: "is_return", value: "false", operator: "eq" as const },
      ],
    })),
  })
  const all = [...options, ...created]
  return Object.fromEntries(DEMO_REGIONS.map((r) => [r.key, all.find((o) => o.name === `${SHIPPING_OPTION_PREFIX}, ${r.name}`)!.id]))
}

async function ensureCatalog(
  container: MedusaContainer,
  cases: readonly DemoCase[],
  salesChannelByCase: Record<DemoCase, string>
): Promise<Record<string, DemoStoreVariant>> {
  const productModule = container.resolve(Modules.PRODUCT)
  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const [profile] = await fulfillment.listShippingProfiles({ type: "default" })

  const categoryNames = [...new Set(cases.flatMap((c) => CATALOG[c].map((p) => p.category)))]
  const categories = await productModule.listProductCategories({ name: categoryNames })
  const missingCategories = categoryNames.filter((n) => !categories.some((c) => c.name === n))
  if (missingCategories.length) {
    const { result } = await createProductCategoriesWorkflow(container).run({
      input: { product_categories: missingCategories.map((name) => ({ name, is_active: true })) },
    })
    categories.push(...result)
  }

  for (const demoCase of cases) {
    const handles = CATALOG[demoCase].map((p) => p.handle)
    const existing = await productModule.listProducts({ handle: handles }, { select: ["id", "handle"] })
    const missing = CATALOG[demoCase].filter((p) => !existing.some((e) => e.handle === p.handle))
    if (!missing.length) {
      continue
    }
    const currencies = Object.keys(CASE_CURRENCY[demoCase])
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          metadata: { ...p.metadata, demo_case: demoCase },
          category_ids: [categories.find((c) => c.name === p.category)!.id],
          shipping_profile_id: profile.id,
          options: p.options,
          sales_channels: [{ id: salesChannelByCase[demoCase] }],
          variants: p.variants.map((v) => ({
            title: v.title,
            sku: v.sku,
            options: v.options,
            manage_inventory: false,
            prices: currencies.map((currency_code) => ({ currency_code, amount: priceOf(demoCase, v, currency_code) })),
          })),
        })),
      },
    })
  }
  const variants = await productModule.listProductVariants(
    { sku: cases.flatMap((c) => CATALOG[c].flatMap((p) => p.variants.map((v) => v.sku))) },
    { select: ["id", "sku", "title", "product_id", "product.title"], relations: ["product"] }
  )
  return Object.fromEntries(
    variants.map((v) => [
      v.sku!,
      { id: v.id, sku: v.sku!, title: v.title, product_id: v.product_id!, product_title: v.product!.title },
    ])
  )
}
