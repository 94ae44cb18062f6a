import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { claimHistoryImport, HISTORY_COUNT_FIELDS, saveHistoryImportProgress } from "../../../modules/customer-facts/utils/history-import-sql"

export type StartHistoryImportStepInput = { import_id: string }

export type StartedHistoryImport = { id: string; dry_run: boolean; started_at: Date }

/**
 * Marks an import running (atomically: a delivery of the same request twice runs it once, and
 * real imports run one at a time). A real import that stopped resumes from its last saved line;
 * a dry run starts over, as it keeps nothing between attempts. Nothing to compensate: the steps
 * after it record their own failure.
 */
export const startHistoryImportStep = createStep("start-history-import", async (input: StartHistoryImportStepInput, { container }) => {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const claim = await claimHistoryImport(pg, input.import_id, new Date())
  if (!claim.claimed) {
    if (claim.status === null) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `History import with id "${input.import_id}" not found`)
    }
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      claim.blocking
        ? `History import ${input.import_id} waits: import ${claim.blocking.id} is running, and imports run one at a time`
        : `History import ${input.import_id} is ${claim.status}; only a pending, failed or stalled import can run`
    )
  }
  const job = await facts.retrieveHistoryImport(input.import_id)
  if (job.dry_run) {
    await saveHistoryImportProgress(pg, job.id, {
      ...Object.fromEntries(HISTORY_COUNT_FIELDS.map((f) => [f, 0])),
      errors: [],
      unknown_skus: [],
      bytes_read: 0,
      customers_line: 0,
      orders_line: 0,
      customers_done: false,
      orders_done: false,
    })
  }
  return new StepResponse<StartedHistoryImport>({ id: job.id, dry_run: job.dry_run, started_at: claim.started_at })
})
