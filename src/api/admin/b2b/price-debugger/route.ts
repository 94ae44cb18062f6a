import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { explainVariantPriceWorkflow } from "../../../../workflows/b2b/explain-variant-price"
import type { AdminPriceDebuggerParamsType } from "../validators"

/**
 * The price-resolution debugger: for a customer (their groups) or a company (its group), a
 * variant, a quantity, a region or currency and a time (`at`, default now), the price Medusa
 * charges and every candidate price of the variant with its checks (currency, quantity band,
 * list status, validity, list rules, price rules) and why it was chosen or not; `medusa` is the
 * Pricing module's own answer for the same context, now.
 */
export const GET = async (req: AuthenticatedMedusaRequest<unknown, AdminPriceDebuggerParamsType>, res: MedusaResponse) => {
  const { result } = await explainVariantPriceWorkflow(req.scope).run({ input: req.validatedQuery })
  res.json({ resolution: result })
}
