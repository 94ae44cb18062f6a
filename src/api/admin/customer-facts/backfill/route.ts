import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { CustomerFactsEvents } from "../../../../modules/customer-facts/events"

/**
 * Asks for every customer's facts to be rebuilt (after restoring a backup, or to check the
 * event-built facts); it runs on the worker, and segments refresh when it ends. 202: accepted.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await req.scope.resolve(Modules.EVENT_BUS).emit({ name: CustomerFactsEvents.BACKFILL_REQUESTED, data: { requested_by: req.auth_context.actor_id } })
  res.status(202).json({ requested: true })
}
