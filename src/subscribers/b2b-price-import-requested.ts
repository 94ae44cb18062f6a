import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { B2B_MODULE } from "../modules/b2b"
import { B2bEvents } from "../modules/b2b/events"
import type B2bModuleService from "../modules/b2b/service"
import { applyPriceImportWorkflow } from "../workflows/b2b/apply-price-import"
import { validatePriceImportWorkflow } from "../workflows/b2b/validate-price-import"

const FIELDS = ["id", "status", "apply_when_ready", "updated_at"]

/**
 * A price import was uploaded, asked to apply, or left behind by a crashed worker → move it on,
 * on the worker: a pending one (or one whose validation stopped moving) is validated and diffed;
 * a ready one that is to be applied (or one whose apply stopped moving) is applied, from the rows
 * not yet applied. Anything else (running elsewhere, finished, failed) is left alone, so the same
 * event delivered twice runs once.
 */
export default async function b2bPriceImportRequested({ event, container }: SubscriberArgs<{ id: string }>) {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const [job] = await b2b.listPriceImports({ id: event.data.id }, { select: FIELDS })
  if (job?.status === "pending" || (job?.status === "validating" && b2b.isStalePriceImport(job))) {
    await validatePriceImportWorkflow(container).run({ input: { import_id: job.id } })
  }
  const [now] = await b2b.listPriceImports({ id: event.data.id }, { select: FIELDS })
  if ((now?.apply_when_ready && now.status === "ready") || (now?.status === "applying" && b2b.isStalePriceImport(now))) {
    await applyPriceImportWorkflow(container).run({ input: { import_id: now.id } })
  }
}

export const config: SubscriberConfig = {
  event: B2bEvents.PRICE_IMPORT_REQUESTED,
  context: { subscriberId: "b2b-price-import-requested" },
}
