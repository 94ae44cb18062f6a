import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { SeededRandom } from "../../src/scripts/demo-data/random"

export const DAY = 86_400_000

export type FactLine = { product_id: string; variant_id?: string; quantity?: number; unit_amount?: number }
export type FactOrder = { customer_id: string; placed_at: Date; lines: FactLine[] }
export type FactCustomer = { id: string; created_at: Date; metadata?: Record<string, unknown> | null; points_balance?: number; tier_id?: string | null }
export type GeneratedStore = { customers: FactCustomer[]; orders: FactOrder[] }

let sequence = 0
const uid = (prefix: string) => `${prefix}_${Date.now().toString(36)}${(sequence++).toString(36).padStart(6, "0")}`

/**
 * Writes a generated store straight into the customer-facts tables (customer_fact with its order
 * aggregates, order_fact, purchase_fact, customer_product_fact), as the facts refresh would.
 * Insights read only these tables, so a test can shape thousands of histories in a second.
 */
export async function writeFacts(container: MedusaContainer, store: GeneratedStore) {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  const now = new Date()
  const orderFacts: Record<string, unknown>[] = []
  const purchaseFacts: Record<string, unknown>[] = []
  const owned = new Map<string, { customer_id: string; product_id: string; variant_id: string | null; first: Date; last: Date; times: number; quantity: number }>()
  const byCustomer = new Map<string, { count: number; first: Date; last: Date; spent: number }>()
  for (const order of store.orders) {
    const key = uid("ord")
    let total = 0
    for (const line of order.lines) {
      const quantity = line.quantity ?? 1
      const amount = (line.unit_amount ?? 100) * quantity
      total += amount
      purchaseFacts.push({
        id: uid("pfact"), source: "import", order_key: key, line_key: `${line.product_id}:${purchaseFacts.length}`, customer_id: order.customer_id,
        placed_at: order.placed_at, currency_code: "eur", product_id: line.product_id, variant_id: line.variant_id ?? null, sku: null, quantity,
        refunded_quantity: 0, net_quantity: quantity, unit_amount: line.unit_amount ?? 100, raw_unit_amount: { value: String(line.unit_amount ?? 100), precision: 20 },
        net_amount: amount, raw_net_amount: { value: String(amount), precision: 20 },
      })
      const ownKey = `${order.customer_id}|${line.variant_id ?? line.product_id}`
      const own = owned.get(ownKey)
      if (own) {
        own.times += 1
        own.quantity += quantity
        if (order.placed_at < own.first) own.first = order.placed_at
        if (order.placed_at > own.last) own.last = order.placed_at
      } else {
        owned.set(ownKey, { customer_id: order.customer_id, product_id: line.product_id, variant_id: line.variant_id ?? null, first: order.placed_at, last: order.placed_at, times: 1, quantity })
      }
    }
    const money = { value: String(total), precision: 20 }
    orderFacts.push({
      id: uid("ofact"), source: "import", order_key: key, customer_id: order.customer_id, placed_at: order.placed_at, currency_code: "eur",
      total, raw_total: money, refunded_total: 0, raw_refunded_total: { value: "0", precision: 20 }, net_total: total, raw_net_total: money,
      item_quantity: order.lines.length,
    })
    const c = byCustomer.get(order.customer_id)
    if (c) {
      c.count += 1
      c.spent += total
      if (order.placed_at < c.first) c.first = order.placed_at
      if (order.placed_at > c.last) c.last = order.placed_at
    } else {
      byCustomer.set(order.customer_id, { count: 1, first: order.placed_at, last: order.placed_at, spent: total })
    }
  }
  const customerFacts = store.customers.map((customer) => {
    const c = byCustomer.get(customer.id)
    return {
      id: uid("cfact"), customer_id: customer.id, email: `${customer.id}@example.com`, email_domain: "example.com", has_account: true,
      customer_created_at: customer.created_at, group_ids: [], metadata: customer.metadata ? JSON.stringify(customer.metadata) : null,
      order_count: c?.count ?? 0, first_order_at: c?.first ?? null, last_order_at: c?.last ?? null, main_currency_code: c ? "eur" : null,
      total_spent: c?.spent ?? null, raw_total_spent: c ? { value: String(c.spent), precision: 20 } : null,
      points_balance: customer.points_balance ?? 0, tier_id: customer.tier_id ?? null, refreshed_at: now,
    }
  })
  const productFacts = [...owned.values()].map((o) => ({
    id: uid("cpfact"), customer_id: o.customer_id, product_key: o.variant_id ?? o.product_id, product_id: o.product_id, variant_id: o.variant_id, sku: null,
    first_purchased_at: o.first, last_purchased_at: o.last, times_bought: o.times, quantity: o.quantity,
  }))
  // A customer the facts refresh already wrote (signed up in the test) is replaced by the generated one.
  await knex("customer_fact").whereIn("customer_id", customerFacts.map((c) => c.customer_id)).delete()
  await knex.batchInsert("customer_fact", customerFacts, 500)
  await knex.batchInsert("order_fact", orderFacts, 500)
  await knex.batchInsert("purchase_fact", purchaseFacts, 500)
  await knex.batchInsert("customer_product_fact", productFacts, 500)
}

export const ELECTRONICS_TITLES = {
  tv: "20-inch LCD TV",
  wallMount: "TV wall mount",
  hdmi: "HDMI cable",
  batteries: "AA batteries",
  headphones: "Headphones",
  charger: "USB charger",
  soundbar: "Soundbar",
  phoneCase: "Phone case",
  laptop: "Laptop",
  mouse: "Mouse",
} as const
export type ElectronicsProducts = Record<keyof typeof ELECTRONICS_TITLES, string>

/** Ids that are not catalogue products, for tests that need no Product module rows. */
export const FAKE_ELECTRONICS = Object.fromEntries(Object.keys(ELECTRONICS_TITLES).map((k) => [k, `prod_fake_${k}`])) as ElectronicsProducts

/** The electronics catalogue as published Medusa products (one variant each); returns their ids. */
export async function createElectronicsProducts(container: MedusaContainer): Promise<ElectronicsProducts> {
  const { createProductsWorkflow } = await import("@medusajs/medusa/core-flows")
  const entries = Object.entries(ELECTRONICS_TITLES)
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: entries.map(([key, title]) => ({
        title,
        handle: `insights-${key.toLowerCase()}`,
        status: "published" as const,
        options: [{ title: "Default", values: ["Default"] }],
        variants: [{ title: "Default", sku: `INS-${key.toUpperCase()}`, options: { Default: "Default" }, prices: [{ currency_code: "eur", amount: 100 }] }],
      })),
    },
  })
  return Object.fromEntries(entries.map(([key, title]) => [key, result.find((p) => p.title === title)!.id])) as ElectronicsProducts
}

/** How often each product lands in a random basket: batteries and cables are in everything. */
const POPULARITY: [keyof ElectronicsProducts, number][] = [
  ["batteries", 30],
  ["hdmi", 20],
  ["charger", 15],
  ["phoneCase", 12],
  ["headphones", 10],
  ["tv", 8],
  ["soundbar", 5],
  ["laptop", 5],
  ["mouse", 6],
  ["wallMount", 3],
]

/**
 * An electronics store with a planted habit: a TV order holds a wall mount with probability
 * `mountWithTv` (else, half the time, the mount follows within two weeks). Everything else is
 * drawn by popularity alone, so popular items co-occur with the TV often but without lift.
 */
export function electronicsStore(
  products: ElectronicsProducts,
  options: { customers: number; seed: number; now: Date; mountWithTv?: number }
): GeneratedStore {
  const popularity = POPULARITY.map(([key, weight]) => [products[key], weight] as const)
  const { tv, wallMount } = products
  const random = new SeededRandom(options.seed)
  const mountWithTv = options.mountWithTv ?? 0.6
  const customers: FactCustomer[] = []
  const orders: FactOrder[] = []
  for (let i = 0; i < options.customers; i++) {
    const id = `cus_ins_${options.seed}_${i}`
    const createdAt = new Date(options.now.getTime() - random.int(200, 900) * DAY)
    customers.push({ id, created_at: createdAt })
    const orderCount = random.int(1, 4)
    for (let o = 0; o < orderCount; o++) {
      const placedAt = new Date(options.now.getTime() - random.int(1, 360) * DAY - random.int(0, 86_399) * 1000)
      const products = new Set<string>()
      const size = random.int(1, 3)
      while (products.size < size) products.add(random.weighted(popularity))
      if (products.has(tv) && !products.has(wallMount)) {
        if (random.chance(mountWithTv)) {
          products.add(wallMount)
        } else if (random.chance(0.5)) {
          orders.push({ customer_id: id, placed_at: new Date(placedAt.getTime() + random.int(1, 14) * DAY), lines: [{ product_id: wallMount }] })
        }
      }
      orders.push({ customer_id: id, placed_at: placedAt, lines: [...products].map((product_id) => ({ product_id, unit_amount: random.int(5, 500) })) })
    }
  }
  return { customers, orders }
}

/** Support, confidence and lift of A→B counted here in JS over the same orders, to check the SQL against. */
export function expectedOrderMeasures(store: GeneratedStore, a: string, b: string) {
  const baskets = store.orders.map((o) => new Set(o.lines.map((l) => l.product_id)))
  const n = baskets.length
  const withA = baskets.filter((s) => s.has(a)).length
  const withB = baskets.filter((s) => s.has(b)).length
  const both = baskets.filter((s) => s.has(a) && s.has(b)).length
  return { basket_count: n, product_count: withA, related_count: withB, pair_count: both, support: both / n, confidence: both / withA, lift: (both * n) / (withA * withB) }
}

/**
 * A store for propensity: everyone buys random other products now and then; a quarter of the
 * customers have a coffee habit (a bag every 20–40 days, from a personal start date), the rest
 * almost never buy coffee. Tea is bought by everyone at one common rate at random times (a Poisson
 * process: the past says nothing about the next 30 days), so a tea model has nothing to learn.
 */
export function propensityStore(products: { coffee: string; tea: string; others: string[] }, options: { customers: number; seed: number; now: Date; days?: number }): GeneratedStore & { habit: Set<string> } {
  const random = new SeededRandom(options.seed)
  const days = options.days ?? 400
  const start = options.now.getTime() - days * DAY
  const customers: FactCustomer[] = []
  const orders: FactOrder[] = []
  const habit = new Set<string>()
  const at = (t: number) => new Date(Math.min(t, options.now.getTime() - 60_000))
  for (let i = 0; i < options.customers; i++) {
    const id = `cus_prop_${options.seed}_${i}`
    customers.push({ id, created_at: new Date(start - random.int(0, 300) * DAY) })
    for (let t = start + random.int(0, 90) * DAY; t < options.now.getTime(); t += random.int(30, 120) * DAY) {
      orders.push({ customer_id: id, placed_at: at(t), lines: [{ product_id: random.pick(products.others), unit_amount: random.int(5, 80) }] })
    }
    if (random.chance(0.25)) {
      habit.add(id)
      for (let t = start + random.int(0, 40) * DAY; t < options.now.getTime(); t += random.int(20, 40) * DAY) {
        orders.push({ customer_id: id, placed_at: at(t), lines: [{ product_id: products.coffee, unit_amount: 12 }] })
      }
    } else if (random.chance(0.05)) {
      orders.push({ customer_id: id, placed_at: at(start + random.int(0, days) * DAY), lines: [{ product_id: products.coffee, unit_amount: 12 }] })
    }
    // Tea: exponential gaps with a mean of 150 days for everyone.
    for (let t = start - Math.log(1 - random.next()) * 150 * DAY; t < options.now.getTime(); t -= Math.log(1 - random.next()) * 150 * DAY) {
      orders.push({ customer_id: id, placed_at: at(t), lines: [{ product_id: products.tea, unit_amount: 8 }] })
    }
  }
  return { customers, orders, habit }
}
