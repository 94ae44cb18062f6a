/**
 * BENCH-ONLY. The segment trees the bench times, each with a hand-written SQL query for the same
 * question (the baseline), and the 100 live segments of the membership case (the five trees plus
 * generated variants of every kind of condition). Product ids are the bench's (load.ts derives
 * them from the demo handles); "now" is the load's anchor.
 */
import { expandCountries } from "../../../src/modules/segments/definition/country-lists"
import type { SegmentNode } from "../../../src/modules/segments/definition/schema"
import { SeededRandom } from "../../../src/scripts/demo-data/random"
import { productId } from "./load"

/** A parameterised statement for pg ($1, $2, ...). */
export type Statement = { text: string; values: unknown[] }

export type BenchTree = {
  key: string
  /** The question in words, for the results table. */
  label: string
  definition: SegmentNode
  /**
   * The hand-written query: `SELECT customer_id` of every matching customer (a count wraps it;
   * PostgreSQL flattens the subquery, so the plan is the one of a direct count).
   */
  baseline: (now: Date) => Statement
}

const PF3 = productId("pixelforge-3-0")

const europeButFrance = expandCountries(["EUROPE"]).filter((c) => c !== "fr")
const europeOrNorthAmerica = expandCountries(["EUROPE", "NORTH_AMERICA"])

export const TREES: BenchTree[] = [
  {
    key: "vendor",
    label: "(a) Europe except France, bought SW-PF2-EN, not PixelForge 3.0",
    definition: {
      and: [
        { field: "country", op: "in", values: ["EUROPE"] },
        { field: "country", op: "not_in", values: ["fr"] },
        { field: "purchased", op: "bought", skus: ["SW-PF2-EN"] },
        { field: "purchased", op: "not_bought", product_ids: [PF3] },
      ],
    },
    baseline: () => ({
      text: `SELECT cf.customer_id FROM customer_fact cf
        WHERE cf.country_code = ANY($1::text[])
          AND EXISTS (SELECT 1 FROM customer_product_fact p WHERE p.customer_id = cf.customer_id AND p.sku = $2)
          AND NOT EXISTS (SELECT 1 FROM customer_product_fact p WHERE p.customer_id = cf.customer_id AND p.product_id = $3)`,
      values: [europeButFrance, "SW-PF2-EN", PF3],
    }),
  },
  {
    key: "pharmacy",
    label: "(b) supply of PH-FIN-28 (28 days a box) runs out in the next 7 days",
    definition: { field: "supply_runs_out", skus: ["PH-FIN-28"], days_per_unit: 28, op: "within_next", amount: 7, unit: "days" },
    // The supply ends at max over purchases of (date + 28 days × boxes bought from that purchase on).
    baseline: (now) => ({
      text: `SELECT r.customer_id FROM (
          SELECT s.customer_id, max(s.placed_at + s.boxes_from_here * interval '28 days') AS runs_out
          FROM (SELECT customer_id, placed_at, sum(net_quantity) OVER (PARTITION BY customer_id ORDER BY placed_at DESC) AS boxes_from_here
                FROM purchase_fact WHERE sku = $1 AND net_quantity > 0) s
          GROUP BY s.customer_id) r
        WHERE r.runs_out >= $2 AND r.runs_out < $2::timestamptz + interval '7 days'
          AND EXISTS (SELECT 1 FROM customer_fact cf WHERE cf.customer_id = r.customer_id)`,
      values: ["PH-FIN-28", now],
    }),
  },
  {
    key: "electronics",
    label: "(c) no co-branded card, 2+ orders in the last 12 months",
    definition: {
      and: [
        { field: "metadata", key: "co_branded_card", op: "neq", value: true },
        { field: "order_count", op: "gte", value: 2, window: { within_last: { amount: 12, unit: "months" } } },
      ],
    },
    baseline: (now) => ({
      text: `SELECT cf.customer_id FROM customer_fact cf
        WHERE (cf.metadata ->> 'co_branded_card') IS DISTINCT FROM 'true'
          AND cf.customer_id IN (SELECT customer_id FROM order_fact WHERE placed_at >= $1::timestamptz - interval '12 months' AND placed_at <= $1
                                 GROUP BY customer_id HAVING count(*) >= 2)`,
      values: [now],
    }),
  },
  {
    key: "rfm",
    label: "(d) R score >= 4 and total spent >= 2,500 EUR",
    definition: {
      and: [
        { field: "rfm", dimension: "recency", op: "gte", value: 4 },
        { field: "total_spent", currency_code: "eur", op: "gte", value: 2500 },
      ],
    },
    // One spend row per customer and currency (unique), so "total in EUR" is that row.
    baseline: () => ({
      text: `SELECT cf.customer_id FROM customer_fact cf
        WHERE cf.r_score >= 4
          AND EXISTS (SELECT 1 FROM customer_spend_fact s WHERE s.customer_id = cf.customer_id AND s.currency_code = $1 AND s.total_spent >= $2)`,
      values: ["eur", 2500],
    }),
  },
  {
    key: "nested",
    label: "(e) nested and/or/not, 8 conditions, 4 levels",
    definition: {
      and: [
        { or: [{ field: "country", op: "in", values: ["EUROPE"] }, { field: "country", op: "in", values: ["NORTH_AMERICA"] }] },
        { not: { field: "email_domain", op: "in", values: ["inbox.example.net"] } },
        {
          or: [
            {
              and: [
                { field: "purchased", op: "bought", skus: ["EL-TV-55", "EL-TV-65"], window: { within_last: { amount: 24, unit: "months" } } },
                { not: { field: "purchased", op: "bought", skus: ["EL-AUD-BAR"] } },
              ],
            },
            {
              and: [
                { field: "order_count", op: "gte", value: 3 },
                { field: "last_order_at", op: "more_than_ago", amount: 180, unit: "days" },
              ],
            },
            { field: "purchased", op: "bought", skus: ["SW-ADD-CLOUD"], min_orders: 2 },
          ],
        },
      ],
    },
    baseline: (now) => ({
      text: `SELECT cf.customer_id FROM customer_fact cf
        WHERE cf.country_code = ANY($1::text[])
          AND cf.email_domain IS DISTINCT FROM $2
          AND (
            (cf.customer_id IN (SELECT customer_id FROM purchase_fact WHERE sku = ANY($3::text[]) AND net_quantity > 0
                                  AND placed_at >= $4::timestamptz - interval '24 months' AND placed_at <= $4)
             AND cf.customer_id NOT IN (SELECT customer_id FROM customer_product_fact WHERE sku = $5))
            OR (cf.order_count >= 3 AND cf.last_order_at < $4::timestamptz - interval '180 days')
            OR cf.customer_id IN (SELECT customer_id FROM purchase_fact WHERE sku = $6 AND net_quantity > 0
                                  GROUP BY customer_id HAVING count(DISTINCT order_key) >= 2))`,
      values: [europeOrNorthAmerica, "inbox.example.net", ["EL-TV-55", "EL-TV-65"], now, "EL-AUD-BAR", "SW-ADD-CLOUD"],
    }),
  },
]

const COUNTRY_LISTS = ["EUROPE", "EU", "DACH", "NORDICS", "BENELUX", "NORTH_AMERICA", "ASIA_PACIFIC"]
const EXCLUDED_COUNTRIES = ["fr", "de", "gb", "us", "jp", "it"]
const EDITIONS = ["EN", "DE", "FR", "JA"]
const SUPPLIES: [string, number][] = [
  ["PH-FIN-28", 28],
  ["PH-MIN-60", 30],
  ["PH-SER-30", 30],
  ["PH-SHA-250", 45],
  ["EL-VAC-FILTER", 120],
  ["SW-ADD-CLOUD", 365],
]
const SKUS = [
  "PH-FIN-28", "PH-MIN-60", "PH-SHA-250", "PH-SER-30",
  "SW-PF2-EN", "SW-PF2-DE", "SW-PF3-EN", "SW-PF3-JA", "SW-ADD-BRUSH", "SW-ADD-RAW", "SW-ADD-CLOUD",
  "EL-TV-55", "EL-TV-65", "EL-TV-20", "EL-ACC-MOUNT", "EL-AUD-BAR", "EL-VAC-STICK", "EL-VAC-FILTER", "EL-PH-X-128", "EL-PH-CASE",
]
const CURRENCIES: [string, number[]][] = [
  ["eur", [200, 400, 800]],
  ["usd", [500, 1500, 3000]],
  ["jpy", [30_000, 60_000]],
  ["twd", [5_000, 20_000, 60_000]],
]
const CITIES = ["Taipei", "Berlin", "Paris", "New York", "Tokyo", "London", "Toronto", "Kaohsiung"]
const DOMAINS = ["mail.example.com", "inbox.example.net", "post.example.org"]

type Leaf = (r: SeededRandom) => SegmentNode

/** Conditions of every field the facts answer, with random parameters. */
const LEAVES: Leaf[] = [
  (r) => ({ field: "country", op: r.pick(["in", "not_in"] as const), values: [r.pick(COUNTRY_LISTS)] }),
  (r) => ({ field: "purchased", op: r.pick(["bought", "not_bought"] as const), skus: [r.pick(SKUS)] }),
  (r) => ({ field: "purchased", op: "bought", skus: [r.pick(SKUS)], window: { within_last: { amount: r.int(3, 24), unit: "months" } } }),
  (r) => ({ field: "purchased", op: "bought", product_ids: [productId(r.pick(["pixelforge-2-0", "pixelforge-3-0", "tv-55-oled", "finasteride-1mg-28"]))], min_quantity: r.int(2, 6) }),
  (r) => ({ field: "order_count", op: r.pick(["gte", "lte"] as const), value: r.int(1, 8) }),
  (r) => ({ field: "order_count", op: "gte", value: r.int(1, 4), window: { within_last: { amount: r.pick([6, 12, 24]), unit: "months" } } }),
  (r) => {
    const [currency, amounts] = r.pick(CURRENCIES)
    return { field: "total_spent", currency_code: currency, op: "gte", value: r.pick(amounts) }
  },
  (r) => ({ field: "total_spent", currency_code: "usd", op: "gte", value: r.pick([300, 1000]), window: { within_last: { amount: 12, unit: "months" } } }),
  (r) => ({ field: "average_order_value", currency_code: r.pick(["eur", "usd", "twd"]), op: "gte", value: r.pick([100, 300, 1000]) }),
  (r) => ({ field: "last_order_at", op: r.pick(["within_last", "more_than_ago"] as const), amount: r.int(1, 24), unit: "months" }),
  (r) => ({ field: "first_order_at", op: "before", date: `202${r.int(3, 4)}-0${r.int(1, 9)}-01` }),
  (r) => ({ field: "signed_up", op: "within_last", amount: r.int(1, 3), unit: "years" }),
  (r) => ({ field: "rfm", dimension: r.pick(["recency", "frequency", "monetary"] as const), op: r.pick(["gte", "lte"] as const), value: r.int(1, 5) }),
  (r) => ({ field: "metadata", key: r.pick(["co_branded_card", "language", "prescribing_doctor"]), op: r.pick(["exists", "not_exists"] as const) }),
  (r) => ({ field: "metadata", key: "co_branded_card", op: r.pick(["eq", "neq"] as const), value: true }),
  (r) => ({ field: "metadata", key: "language", op: "eq", value: r.pick(["en", "de", "fr", "ja"]) }),
  (r) => ({ field: "consent", purpose: "email_marketing", value: r.chance(0.7) }),
  (r) => ({ field: "email_domain", op: r.pick(["in", "not_in"] as const), values: [r.pick(DOMAINS)] }),
  (r) => ({ field: "city", op: "in", values: [r.pick(CITIES), r.pick(CITIES)] }),
  (r) => ({ field: "postal_code", op: "starts_with", values: [String(r.int(1, 9))] }),
  (r) => ({ field: "points_balance", op: "gte", value: r.int(0, 100) }),
  (r) => {
    const [sku, days] = r.pick(SUPPLIES)
    return { field: "supply_runs_out", skus: [sku], days_per_unit: days, op: "within_next", amount: r.pick([7, 14, 30]), unit: "days" }
  },
]

/** A random group of `leaves` conditions, nesting and/or/not up to `depth` levels. */
function randomTree(r: SeededRandom, leaves: number, depth: number): SegmentNode {
  if (leaves <= 1 || depth <= 1) {
    const leaf = r.pick(LEAVES)(r)
    return r.chance(0.15) ? { not: leaf } : leaf
  }
  const parts = Math.min(leaves, r.int(2, 3))
  const children: SegmentNode[] = []
  let left = leaves
  for (let i = 0; i < parts; i++) {
    const share = i === parts - 1 ? left : Math.max(1, Math.floor(left / (parts - i)))
    children.push(randomTree(r, share, depth - 1))
    left -= share
  }
  const group: SegmentNode = r.chance(0.5) ? { and: children } : { or: children }
  return r.chance(0.1) ? { not: group } : group
}

/** Variants of the five questions, then random trees: `count` definitions in all (the five trees first). */
export function liveSegmentDefinitions(count: number, seed: number): { name: string; definition: SegmentNode }[] {
  const r = new SeededRandom(seed)
  const out: { name: string; definition: SegmentNode }[] = TREES.map((t) => ({ name: t.label, definition: t.definition }))
  const families: ((i: number) => SegmentNode)[] = [
    () => ({
      and: [
        { field: "country", op: "in", values: [r.pick(COUNTRY_LISTS)] },
        { field: "country", op: "not_in", values: [r.pick(EXCLUDED_COUNTRIES)] },
        { field: "purchased", op: "bought", skus: [`SW-PF2-${r.pick(EDITIONS)}`] },
        { field: "purchased", op: "not_bought", product_ids: [PF3] },
      ],
    }),
    () => {
      const [sku, days] = r.pick(SUPPLIES)
      return { field: "supply_runs_out", skus: [sku], days_per_unit: days, op: "within_next", amount: r.pick([7, 14, 30]), unit: "days" }
    },
    () => ({
      and: [
        { field: "metadata", key: "co_branded_card", op: r.pick(["eq", "neq"] as const), value: true },
        { field: "order_count", op: "gte", value: r.int(2, 3), window: { within_last: { amount: r.pick([6, 12, 24]), unit: "months" } } },
      ],
    }),
    () => {
      const [currency, amounts] = r.pick(CURRENCIES)
      return {
        and: [
          { field: "rfm", dimension: r.pick(["recency", "frequency", "monetary"] as const), op: "gte", value: r.int(3, 5) },
          { field: "total_spent", currency_code: currency, op: "gte", value: r.pick(amounts) },
        ],
      }
    },
    () => ({
      and: [
        { field: "last_order_at", op: "more_than_ago", amount: r.pick([90, 180, 365]), unit: "days" },
        { field: "order_count", op: "gte", value: r.int(2, 4) },
      ],
    }),
    () => ({
      field: "purchased",
      op: "bought",
      skus: [r.pick(SKUS)],
      window: { within_last: { amount: r.pick([1, 3, 6, 12]), unit: "months" } },
      min_quantity: r.int(1, 3),
    }),
    () => randomTree(r, r.int(6, 8), r.int(3, 5)),
    () => randomTree(r, r.int(2, 5), r.int(2, 3)),
  ]
  for (let i = out.length; i < count; i++) {
    out.push({ name: `variant ${i + 1}`, definition: families[i % families.length](i) })
  }
  return out
}
