import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerFactsEvents } from "../modules/customer-facts/events"
import { backfillCustomerFactsWorkflow } from "../workflows/customer-facts/backfill-customer-facts"

/** An admin asked for a full rebuild of the facts → run it here, on the worker. */
export default async function customerFactsBackfillRequested({ container }: SubscriberArgs<{ requested_by?: string }>) {
  await backfillCustomerFactsWorkflow(container).run({ input: {} })
}

export const config: SubscriberConfig = {
  event: CustomerFactsEvents.BACKFILL_REQUESTED,
  context: { subscriberId: "customer-facts-backfill-requested" },
}
