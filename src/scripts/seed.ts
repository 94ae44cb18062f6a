import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { parseSeedArgs } from "./demo-data/seed-options"
import { seedDemoStore } from "./demo-data/seed-demo-store"

/**
 * `medusa exec ./src/scripts/seed.ts -- --case pharmacy|software|electronics|all --customers N`
 * (run through `npm run seed`): builds the deterministic demo store of the three worked cases.
 */
export default async function seed({ container, args }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const options = parseSeedArgs(args ?? [])
  const report = await seedDemoStore(container, options)
  logger.info(
    `seed done: ${report.customers} customers, ${report.ordersPlaced} orders placed, ${report.ordersSkipped} already there`
  )
}
