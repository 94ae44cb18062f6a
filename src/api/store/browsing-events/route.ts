import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { recordBrowsingEventWorkflow } from "../../../workflows/browsing/record-browsing-event"
import type { StoreBrowsingEventType } from "./validators"

/**
 * A storefront event (`product_viewed`, `added_to_cart`) for the logged-in customer or an
 * anonymous id. Stored only with tracking consent (a customer's recorded consent; for an anonymous
 * visitor `tracking_consent: true` from the storefront's banner): 202 when stored, 204 when not
 * (nothing is kept), 429 over the visitor's rate limit.
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreBrowsingEventType>, res: MedusaResponse) => {
  const body = req.validatedBody
  const { result } = await recordBrowsingEventWorkflow(req.scope).run({
    input: {
      customer_id: req.auth_context?.actor_id || null,
      anonymous_id: body.anonymous_id ?? null,
      anonymous_consent: body.tracking_consent === true,
      type: body.type,
      product_id: body.product_id,
    },
  })
  if (result.outcome === "no_consent") {
    res.status(204).end()
    return
  }
  if (result.outcome === "rate_limited") {
    res.status(429).json({ type: "too_many_requests", message: "Too many browsing events from this visitor; try again in a minute" })
    return
  }
  res.status(202).json({ recorded: true })
}
