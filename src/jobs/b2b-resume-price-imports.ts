import type { MedusaContainer } from "@medusajs/framework/types"
import { resumeStalePriceImportsWorkflow } from "../workflows/b2b/resume-stale-price-imports"

/** Every 10 minutes: price imports a crashed worker left behind are taken over. */
export default async function b2bResumePriceImports(container: MedusaContainer) {
  await resumeStalePriceImportsWorkflow(container).run({ input: {} })
}

export const config = { name: "b2b-resume-price-imports", schedule: "*/10 * * * *" }
