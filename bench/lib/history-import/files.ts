/**
 * BENCH-ONLY: customers.csv and orders.csv of the demo's software vendor (its seeded plans), written
 * as a merchant's export would be, streamed to disk (one planned customer in memory at a time).
 * About 1 order line in 100 names a retired SKU the catalogue does not have (`LEGACY-…`), and about
 * 1 line in 500 is broken (a quantity of 0), so the import's unknown-SKU and error paths run too.
 */
import fs from "node:fs"
import path from "node:path"
import { once } from "node:events"
import { stringify } from "csv-stringify"
import { CUSTOMER_COLUMNS, ORDER_COLUMNS } from "../../../src/modules/customer-facts/utils/history-csv"
import { planCase } from "../../../src/scripts/demo-data/plan"

export type HistoryFiles = { dir: string; customers: string; orders: string; customerRows: number; orderRows: number; bytes: number }

async function write(stream: NodeJS.WritableStream & { write(chunk: unknown): boolean }, row: unknown[]) {
  if (!stream.write(row)) {
    await once(stream, "drain")
  }
}

/** Writes both files for `customers` planned customers (seeded), unless they are already there. */
export async function writeHistoryFiles(root: string, customers: number, seed: number, anchor: Date): Promise<HistoryFiles> {
  const dir = path.join(root, `software-${customers}-${seed}`)
  const done = path.join(dir, "done.json")
  if (fs.existsSync(done)) {
    return JSON.parse(fs.readFileSync(done, "utf8")) as HistoryFiles
  }
  fs.mkdirSync(dir, { recursive: true })
  const files = { customers: path.join(dir, "customers.csv"), orders: path.join(dir, "orders.csv") }
  const customersOut = stringify({ header: true, columns: [...CUSTOMER_COLUMNS], record_delimiter: "unix" })
  const ordersOut = stringify({ header: true, columns: [...ORDER_COLUMNS], record_delimiter: "unix" })
  const sinks = [customersOut.pipe(fs.createWriteStream(files.customers)), ordersOut.pipe(fs.createWriteStream(files.orders))]
  let customerRows = 0
  let orderRows = 0
  for (const c of planCase("software", customers, { seed, anchor })) {
    await write(customersOut, [
      c.email,
      c.first_name,
      c.last_name,
      c.phone,
      c.country_code,
      c.city,
      c.postal_code,
      c.created_at.toISOString().slice(0, 10),
      // Exports leave consent empty when it was never asked: the import records no consent.
      c.marketing_consent ? "true" : c.index % 3 === 0 ? "false" : "",
      JSON.stringify(c.metadata),
    ])
    customerRows++
    for (const order of c.orders) {
      for (const line of order.lines) {
        orderRows++
        await write(ordersOut, [
          order.ref,
          c.email,
          order.placed_at.toISOString(),
          order.currency_code,
          orderRows % 100 === 0 ? `LEGACY-${(orderRows / 100) % 40}` : line.sku,
          orderRows % 500 === 250 ? 0 : line.quantity,
          line.unit_amount.toFixed(2),
          0,
        ])
      }
    }
  }
  customersOut.end()
  ordersOut.end()
  await Promise.all(sinks.map((s) => once(s, "finish")))
  const result: HistoryFiles = {
    dir,
    ...files,
    customerRows,
    orderRows,
    bytes: fs.statSync(files.customers).size + fs.statSync(files.orders).size,
  }
  fs.writeFileSync(done, JSON.stringify(result))
  return result
}
