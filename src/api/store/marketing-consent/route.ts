import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { recordCustomerConsentWorkflow } from "../../../workflows/customer-facts/record-customer-consent"
import type { StoreMarketingConsentType } from "./validators"

async function current(req: AuthenticatedMedusaRequest) {
  const [fact] = await req.scope
    .resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
    .listCustomerFacts({ customer_id: req.auth_context.actor_id }, { select: ["email_marketing_consent", "sms_marketing_consent", "tracking_consent"] })
  return {
    email_marketing: !!fact?.email_marketing_consent,
    sms_marketing: !!fact?.sms_marketing_consent,
    tracking: !!fact?.tracking_consent,
  }
}

/** The logged-in customer's consent per purpose. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ consent: await current(req) })
}

/** The logged-in customer gives or withdraws consent (the only way back after an unsubscribe). */
export const POST = async (req: AuthenticatedMedusaRequest<StoreMarketingConsentType>, res: MedusaResponse) => {
  await recordCustomerConsentWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, choices: req.validatedBody, source: "storefront" },
  })
  res.json({ consent: await current(req) })
}
