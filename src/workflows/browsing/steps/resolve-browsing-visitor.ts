import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROWSING_MODULE } from "../../../modules/browsing"
import type BrowsingModuleService from "../../../modules/browsing/service"
import type { BrowsingVisitor } from "../../../modules/browsing/types"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"

export type ResolveBrowsingVisitorInput = {
  customer_id?: string | null
  anonymous_id?: string | null
  /** An anonymous visitor's tracking consent, as the storefront's consent banner recorded it. */
  anonymous_consent?: boolean
  product_id: string
}

export type ResolvedBrowsingVisitor = { visitor: BrowsingVisitor | null; merged: number; forgotten: number }

/**
 * Who the event is about and whether it may be stored: a logged-in customer with tracking consent
 * (the consent ledger's latest choice, as the customer's facts hold it), or an anonymous visitor
 * whose storefront says they consented. A customer's first call with their anonymous id merges
 * that id's rows into them, or deletes those rows when the customer has not consented. Nothing
 * to compensate: a merge is what a login means, and a replay moves nothing.
 */
export const resolveBrowsingVisitorStep = createStep(
  "resolve-browsing-visitor",
  async (input: ResolveBrowsingVisitorInput, { container }): Promise<StepResponse<ResolvedBrowsingVisitor>> => {
    const browsing = container.resolve<BrowsingModuleService>(BROWSING_MODULE)
    if (!input.customer_id && !input.anonymous_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "anonymous_id: is required when no customer is logged in")
    }
    let visitor: BrowsingVisitor | null = null
    let merged = 0
    let forgotten = 0
    if (input.customer_id) {
      const [fact] = await container
        .resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
        .listCustomerFacts({ customer_id: input.customer_id }, { select: ["tracking_consent"] })
      const consented = !!fact?.tracking_consent
      if (input.anonymous_id) {
        if (consented) merged = await browsing.mergeAnonymousActivity({ anonymous_id: input.anonymous_id, customer_id: input.customer_id })
        else forgotten = await browsing.forgetVisitor({ anonymous_id: input.anonymous_id })
      }
      visitor = consented ? { customer_id: input.customer_id } : null
    } else if (input.anonymous_consent) {
      visitor = { anonymous_id: input.anonymous_id! }
    }
    if (visitor) {
      const [product] = await container.resolve(Modules.PRODUCT).listProducts({ id: input.product_id }, { select: ["id"] })
      if (!product) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `product_id: no product "${input.product_id}"`)
      }
    }
    return new StepResponse({ visitor, merged, forgotten })
  }
)
