import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"

/** The imports a crashed worker left behind (see B2bModuleService.listStalePriceImports). Reads only. */
export const listStalePriceImportsStep = createStep("list-stale-price-imports", async (input: { now?: Date | string }, { container }) => {
  const stale = await container.resolve<B2bModuleService>(B2B_MODULE).listStalePriceImports({ now: input.now ? new Date(input.now) : undefined })
  return new StepResponse(stale)
})
