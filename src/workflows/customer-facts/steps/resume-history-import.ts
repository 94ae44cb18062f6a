import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { HISTORY_IMPORT_STALE_MS } from "../../../modules/customer-facts/utils/history-import-sql"

/**
 * Checks that an import may run again: it failed, or it has not moved for HISTORY_IMPORT_STALE_MS
 * (its process crashed while pending or running). Nothing to compensate: it changes nothing.
 */
export const resumeHistoryImportStep = createStep("resume-history-import", async (input: { id: string }, { container }) => {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const job = await facts.retrieveHistoryImport(input.id)
  const stalled = (job.status === "running" || job.status === "pending") && Date.now() - new Date(job.updated_at).getTime() > HISTORY_IMPORT_STALE_MS
  if (job.status !== "failed" && !stalled) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `History import ${job.id} is ${job.status}; only a failed import, or one that has not moved for ${HISTORY_IMPORT_STALE_MS / 60_000} minutes, can be resumed`
    )
  }
  return new StepResponse({ id: job.id })
})
