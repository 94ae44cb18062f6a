import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { customerHeaders } from "../helpers/auth"
import { adminWithId, registerCustomer, type Headers } from "../helpers/loyalty-fixtures"

type Api = {
  get: (url: string, config?: unknown) => Promise<{ data: any }>
  post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }>
}

export const PASSWORD = "b2b-password"

/** The list price of every fixture variant, in eur. */
export const LIST_PRICE = 100

export type B2bStore = {
  admin: Headers
  adminUserId: string
  regionId: string
  salesChannelId: string
  publishableKey: string
  productId: string
  /** Variants by SKU: B2B-1 … B2B-8, each with a list price of 100 eur. */
  variants: Record<string, { id: string; sku: string }>
}

const DAY = 86_400_000

/** A day as YYYY-MM-DD, `offset` days from today (UTC). */
export const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10)

/**
 * A small store sold in eur: the store's currency, a region (Germany), a sales channel with a
 * publishable key, and one published product whose eight variants (no inventory management) cost
 * 100 eur each.
 */
export async function createB2bStore(container: MedusaContainer, api: Api): Promise<B2bStore> {
  const { userId, ...admin } = await adminWithId(container, api)
  const { result: channels } = await createSalesChannelsWorkflow(container).run({ input: { salesChannelsData: [{ name: "B2B shop" }] } })
  const salesChannelId = channels[0].id
  const [store] = await container.resolve(Modules.STORE).listStores({})
  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { supported_currencies: [{ currency_code: "eur", is_default: true }], default_sales_channel_id: salesChannelId } },
  })
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Germany", currency_code: "eur", countries: ["de"], payment_providers: ["pp_system_default"] }] },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({ input: { api_keys: [{ title: "B2B storefront", type: "publishable", created_by: "" }] } })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: keys[0].id, add: [salesChannelId] } })
  const sizes = Array.from({ length: 8 }, (_, i) => `${i + 1}`)
  const { result: products } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: "Pallet of screws",
          status: "published",
          options: [{ title: "Pack", values: sizes }],
          variants: sizes.map((size) => ({
            title: `Pack ${size}`,
            sku: `B2B-${size}`,
            options: { Pack: size },
            manage_inventory: false,
            prices: [{ amount: LIST_PRICE, currency_code: "eur" }],
          })),
          sales_channels: [{ id: salesChannelId }],
        },
      ],
    },
  })
  const variants = Object.fromEntries(products[0].variants.map((v) => [v.sku!, { id: v.id, sku: v.sku! }]))
  return { admin, adminUserId: userId, regionId: regions[0].id, salesChannelId, publishableKey: keys[0].token, productId: products[0].id, variants }
}

/** Registers a storefront customer who can log in with PASSWORD; returns the id. */
export const registerBuyer = (container: MedusaContainer, email: string) => registerCustomer(container, { email, password: PASSWORD }, { first_name: "Buyer" })

/** Store request headers of a logged-in customer. */
export const buyerHeaders = (api: Api, store: B2bStore, email: string) => customerHeaders(api as never, email, PASSWORD, store.publishableKey)

/** What the store shows a customer for a variant on the product page (no quantity). */
export async function productPagePrice(api: Api, store: B2bStore, sku: string, headers: Headers): Promise<number> {
  const { data } = await api.get(`/store/products/${store.productId}?region_id=${store.regionId}&fields=*variants.calculated_price`, headers)
  const variant = data.product.variants.find((v: { sku: string }) => v.sku === sku)
  return variant.calculated_price.calculated_amount
}

/** The unit price of a cart line of `quantity` of the variant, in a new cart of the customer. */
export async function cartLinePrice(api: Api, store: B2bStore, sku: string, quantity: number, headers: Headers): Promise<number> {
  const { data } = await api.post(
    "/store/carts",
    { region_id: store.regionId, sales_channel_id: store.salesChannelId, items: [{ variant_id: store.variants[sku].id, quantity }] },
    headers
  )
  return data.cart.items[0].unit_price
}

/** A company with its employees (customer ids) and an active contract valid from `from` to `to` (days from today). */
export async function createCompanyWithContract(
  api: Api,
  store: B2bStore,
  input: { name: string; employees: string[]; from: number; to: number | null; title?: string }
): Promise<{ companyId: string; contractId: string; priceListId: string }> {
  const { data: company } = await api.post("/admin/b2b/companies", { name: input.name, country_code: "de", account_manager_email: "am@b2b.example" }, store.admin)
  if (input.employees.length) {
    await api.post(`/admin/b2b/companies/${company.company.id}/employees`, { employees: input.employees.map((customer_id) => ({ customer_id })) }, store.admin)
  }
  const { data: contract } = await api.post(
    `/admin/b2b/companies/${company.company.id}/contracts`,
    { title: input.title ?? "Framework agreement", status: "active", valid_from: day(input.from), valid_to: input.to === null ? null : day(input.to), currency_code: "eur" },
    store.admin
  )
  return { companyId: company.company.id, contractId: contract.contract.id, priceListId: contract.contract.price_list_id }
}
