import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import type { ConsentInput, ConsentPurpose } from "../../../modules/customer-facts/types"

const COLUMNS: Record<ConsentPurpose, "email_marketing_consent" | "sms_marketing_consent" | "tracking_consent"> = {
  email_marketing: "email_marketing_consent",
  sms_marketing: "sms_marketing_consent",
  tracking: "tracking_consent",
}

/**
 * Records consent choices in the ledger. Compensation records the previous choices back (the
 * ledger is append-only: a correction is a new record).
 */
export const recordCustomerConsentStep = createStep(
  "record-customer-consent",
  async (input: { customer_id: string; choices: Partial<Record<ConsentPurpose, boolean>>; source: string }, { container }) => {
    const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
    const [before] = await facts.listCustomerFacts({ customer_id: input.customer_id })
    const entries: ConsentInput[] = Object.entries(input.choices).map(([purpose, granted]) => ({
      customer_id: input.customer_id,
      purpose: purpose as ConsentPurpose,
      granted: !!granted,
      source: input.source,
    }))
    await facts.recordConsents(entries)
    const previous = entries.map((e) => ({ ...e, granted: !!before?.[COLUMNS[e.purpose]], source: `${input.source}:rollback` }))
    return new StepResponse(entries.length, previous)
  },
  async (previous, { container }) => {
    if (!previous?.length) {
      return
    }
    await container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE).recordConsents(previous)
  }
)
