/**
 * BENCH-ONLY: the rows of the staging tables (see seed-schema.ts), generated lazily from the demo
 * plans so a load of any size runs in flat memory. A load of N customers splits them evenly over
 * the chosen cases (the remainder going to the first cases) and plans customers [0, count) of each
 * case with `planCase`, so the same options always give the same rows.
 */
import { DEMO_CASES, type DemoCase } from "../../src/scripts/demo-data/catalog"
import { planCase, type PlannedCustomer } from "../../src/scripts/demo-data/plan"
import type { CopyValue } from "./copy-text"
import { topUp } from "./top-up"

export type SeedOptions = {
  /** Total number of customers, split evenly over `cases`. */
  customers: number
  seed: number
  /** The day histories end on; same seed and anchor → same rows. */
  anchor: Date
  /** Defaults to all three demo cases. */
  cases?: readonly DemoCase[]
  /** When set, customers below this many lines replay their habit back in time (see top-up.ts). */
  linesPerCustomer?: number
}

/** How many customers of each case a load holds. */
export function caseCounts(customers: number, cases: readonly DemoCase[] = DEMO_CASES): [DemoCase, number][] {
  if (!Number.isInteger(customers) || customers < 0) {
    throw new Error(`customers must be a non-negative integer, got ${customers}`)
  }
  if (!cases.length) {
    throw new Error("at least one demo case is needed")
  }
  const each = Math.floor(customers / cases.length)
  const remainder = customers % cases.length
  return cases.map((demoCase, i) => [demoCase, each + (i < remainder ? 1 : 0)])
}

/** The planned (and, if asked, topped-up) customers of a load, one at a time. */
export function* seedCustomers(options: SeedOptions): Generator<PlannedCustomer> {
  const plan = { seed: options.seed, anchor: options.anchor }
  for (const [demoCase, count] of caseCounts(options.customers, options.cases)) {
    for (const customer of planCase(demoCase, count, plan)) {
      yield options.linesPerCustomer ? topUp(customer, options.linesPerCustomer) : customer
    }
  }
}

/** The deterministic id of a planned customer: `cus_bench_<case>_<index>`. */
export function customerId(customer: PlannedCustomer): string {
  return `cus_bench_${customer.case}_${customer.index}`
}

/** A customer's row, in CUSTOMER_COLUMNS order. */
export function customerRow(customer: PlannedCustomer): CopyValue[] {
  return [
    customerId(customer),
    customer.email,
    customer.case,
    customer.country_code,
    customer.city,
    customer.postal_code,
    customer.created_at.toISOString(),
    customer.marketing_consent,
    JSON.stringify(customer.metadata),
  ]
}

/** Every purchased line of a customer as rows, in PURCHASE_LINE_COLUMNS order. */
export function* purchaseLineRows(customer: PlannedCustomer): Generator<CopyValue[]> {
  const id = customerId(customer)
  for (const order of customer.orders) {
    const placedAt = order.placed_at.toISOString()
    for (const line of order.lines) {
      yield [id, order.ref, placedAt, line.sku, line.product_handle, line.quantity, line.unit_amount, order.currency_code]
    }
  }
}
