import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"

/** Recomputes the RFM quintile boundaries and every customer's scores. Nothing to compensate: derived data. */
export const recomputeRfmStep = createStep("recompute-rfm", async (input: { now?: Date | string }, { container }) => {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const result = await facts.recomputeRfm({ now: input.now ? new Date(input.now) : undefined })
  return new StepResponse(result)
})
