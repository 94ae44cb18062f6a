import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ensureCustomers } from "./customers"
import { ensureDemoShopper } from "./demo-shopper"
import { ensureDemoEarnRules } from "./earn-rules"
import { backfillOrderPointsWorkflow } from "../../workflows/loyalty-points/backfill-order-points"
import { expirePointsWorkflow } from "../../workflows/loyalty-points/expire-points"
import { backfillCustomerFactsWorkflow } from "../../workflows/customer-facts/backfill-customer-facts"
import { ensureDemoSegments } from "./segments"
import { ensureDemoCampaigns } from "./campaigns"
import { ensureRetentionSetup } from "./retention-setup"
import { createHistoricOrders, existingOrderRefs } from "./orders"
import { planCase, type PlannedCustomer } from "./plan"
import { customersFor, type SeedOptions } from "./seed-options"
import { ensureDemoStore, type DemoStore } from "./store-setup"

export type SeedReport = {
  store: DemoStore
  customers: number
  ordersPlaced: number
  ordersSkipped: number
}

const BATCH = 100

/**
 * Builds the demo store: fixed records, then per case the planned customers and their orders,
 * in batches. Idempotent: customers are matched by e-mail and orders by their planned reference,
 * so a second run adds nothing (and a larger --customers adds only the new ones).
 */
export async function seedDemoStore(container: MedusaContainer, options: SeedOptions): Promise<SeedReport> {
  const logger: Logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const store = await ensureDemoStore(container, options.cases)
  await ensureDemoEarnRules(container)
  const report: SeedReport = { store, customers: 0, ordersPlaced: 0, ordersSkipped: 0 }
  for (const demoCase of options.cases) {
    const total = customersFor(options, demoCase)
    const started = Date.now()
    let batch: PlannedCustomer[] = []
    const flush = async () => {
      await seedBatch(container, store, batch, options, report)
      batch = []
    }
    for (const planned of planCase(demoCase, total, { seed: options.seed, anchor: options.anchor })) {
      batch.push(planned)
      if (batch.length === BATCH) {
        await flush()
        logger.info(`seed ${demoCase}: ${planned.index + 1}/${total} customers, ${report.ordersPlaced} orders placed so far`)
      }
    }
    await flush()
    logger.info(`seed ${demoCase}: done in ${Math.round((Date.now() - started) / 1000)} s`)
  }
  if (options.cases.includes("pharmacy")) {
    await ensureDemoShopper(container, store, options)
  }
  const started = Date.now()
  const { result: backfill } = await backfillOrderPointsWorkflow(container).run({ input: {} })
  const { result: expiry } = await expirePointsWorkflow(container).run({ input: { now: new Date() } })
  logger.info(
    `seed loyalty: ${backfill.orders} orders read, ${backfill.lines} order lines earned points, ${expiry.lots} lots expired, in ${Math.round((Date.now() - started) / 1000)} s`
  )
  const factsStarted = Date.now()
  const { result: facts } = await backfillCustomerFactsWorkflow(container).run({ input: {} })
  logger.info(`seed customer facts: ${facts.customers} customers, in ${Math.round((Date.now() - factsStarted) / 1000)} s`)
  const created = await ensureDemoSegments(container, store)
  logger.info(`seed segments: ${created} demo segments created with their members`)
  logger.info(`seed campaigns: ${await ensureDemoCampaigns(container)} draft demo campaigns created`)
  if (options.retentionSetup) {
    await ensureRetentionSetup(container, store, options)
  }
  return report
}

async function seedBatch(container: MedusaContainer, store: DemoStore, batch: PlannedCustomer[], options: SeedOptions, report: SeedReport) {
  if (!batch.length) {
    return
  }
  const idByEmail = await ensureCustomers(container, batch)
  report.customers += batch.length
  const planned = batch.flatMap((customer) =>
    customer.orders.map((order) => ({ customer, customerId: idByEmail.get(customer.email)!, order }))
  )
  const done = await existingOrderRefs(container, planned.map((p) => p.order.ref))
  const todo = planned.filter((p) => !done.has(p.order.ref))
  report.ordersSkipped += planned.length - todo.length
  await createHistoricOrders(container, store, todo, options.anchor, options.emitEvents)
  report.ordersPlaced += todo.length
}
