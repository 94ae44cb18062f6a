import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { readCustomerSources } from "../read-customer-sources"

export type RefreshCustomerFactsStepInput = { customer_ids: string[] }

/** How long a refresh may wait for another refresh of the same customers, and hold their lock. */
const LOCK_TIMEOUT_S = 60
const LOCK_EXPIRE_S = 120

/**
 * Rebuilds these customers' facts from the sources. Read and write happen under one lock per
 * customer (Medusa's locking module, Redis-backed on a multi-machine setup), so a refresh that
 * read older data can never overwrite a newer one. Returns the customers rebuilt.
 */
export async function refreshCustomerFacts(container: MedusaContainer, customerIds: string[]): Promise<string[]> {
  const ids = [...new Set(customerIds.filter(Boolean))].sort()
  if (!ids.length) {
    return []
  }
  const locking = container.resolve(Modules.LOCKING)
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  return locking.execute(
    ids.map((id) => `customer-facts:${id}`),
    async () => facts.writeCustomerFacts(await readCustomerSources(container, ids)),
    { timeout: LOCK_TIMEOUT_S, expire: LOCK_EXPIRE_S }
  )
}

/**
 * Rebuilds customers' facts from Medusa and the loyalty module. Nothing to compensate: the facts
 * are a projection of the sources, right whatever happens after this step, and rolling them back
 * would put stale facts in their place.
 */
export const refreshCustomerFactsStep = createStep(
  "refresh-customer-facts",
  async (input: RefreshCustomerFactsStepInput, { container }) => {
    const customerIds = await refreshCustomerFacts(container, input.customer_ids)
    return new StepResponse({ customer_ids: customerIds })
  }
)
