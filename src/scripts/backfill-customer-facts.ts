import type { ExecArgs } from "@medusajs/framework/types"
import { backfillCustomerFactsWorkflow } from "../workflows/customer-facts/backfill-customer-facts"

/**
 * `npx medusa exec <path>/backfill-customer-facts.js [page_size=200] [after=cus_...]`: builds every
 * customer's facts from Medusa's customers and orders (first install, or after restoring a backup).
 * Idempotent; `after` resumes a stopped run.
 */
export default async function backfillCustomerFacts({ container, args }: ExecArgs) {
  const named = Object.fromEntries(args.map((a) => a.split("=")).filter((kv) => kv.length === 2))
  const { result } = await backfillCustomerFactsWorkflow(container).run({
    input: { page_size: named.page_size ? Number(named.page_size) : undefined, after: named.after ?? null },
  })
  container.resolve("logger").info(`customer facts: ${result.customers} customers rebuilt, ${result.customers_scored} RFM scores changed`)
}
