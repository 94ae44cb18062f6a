import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { refreshCustomerFacts } from "./refresh-customer-facts"

export type BackfillCustomerFactsStepInput = { page_size?: number; after?: string | null }

/**
 * Rebuilds every customer's facts: pages through customers by id (keyset, so memory stays flat and
 * a stopped run resumes with `after`), each page read and written under the customers' locks like
 * an event's refresh. Nothing to compensate: each page is a projection of its sources.
 */
export const backfillCustomerFactsStep = createStep(
  "backfill-customer-facts",
  async (input: BackfillCustomerFactsStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const pageSize = input.page_size ?? 200
    let after = input.after ?? ""
    let customers = 0
    const started = Date.now()
    for (;;) {
      const { data } = await query.graph({
        entity: "customer",
        fields: ["id"],
        filters: { id: { $gt: after } },
        pagination: { take: pageSize, order: { id: "ASC" } },
      })
      if (!data.length) {
        break
      }
      await refreshCustomerFacts(container, data.map((c: { id: string }) => c.id))
      customers += data.length
      after = data[data.length - 1].id
      if (customers % (pageSize * 25) === 0) {
        logger.info(`customer facts backfill: ${customers} customers in ${Math.round((Date.now() - started) / 1000)} s`)
      }
    }
    return new StepResponse({ customers, last_customer_id: after || null })
  }
)
