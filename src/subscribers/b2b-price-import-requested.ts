import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { B2B_MODULE } from "../modules/b2b"
import { B2bEvents } from "../modules/b2b/events"
import type B2bModuleService from "../modules/b2b/service"
import { applyPriceImportWorkflow } from "../workflows/b2b/apply-price-import"
import { validatePriceImportWorkflow } from "../workflows/b2b/validate-price-import"

/**
 * A price import was uploaded or asked to apply → move it on, on the worker: a pending one is
 * validated and diffed; a ready one that is to be applied is applied.
 */
export default async function b2bPriceImportRequested({ event, container }: SubscriberArgs<{ id: string }>) {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const [job] = await b2b.listPriceImports({ id: event.data.id }, { select: ["id", "status"] })
  if (job?.status === "pending") {
    await validatePriceImportWorkflow(container).run({ input: { import_id: job.id } })
  }
  const [now] = await b2b.listPriceImports({ id: event.data.id }, { select: ["id", "status", "apply_when_ready"] })
  // Only a ready import: one that failed stays failed when the same event arrives again, until asked to apply anew.
  if (now?.apply_when_ready && now.status === "ready") {
    await applyPriceImportWorkflow(container).run({ input: { import_id: now.id } })
  }
}

export const config: SubscriberConfig = {
  event: B2bEvents.PRICE_IMPORT_REQUESTED,
  context: { subscriberId: "b2b-price-import-requested" },
}
