import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { readImportedCounts } from "../../../modules/customer-facts/utils/history-import-sql"
import { failHistoryImport, type HistoryImportRecord } from "./history-import-progress"

export type FinishHistoryImportStepInput = { import_id: string }

/**
 * Completes an import. A real import's counts of what it wrote (customers created, orders,
 * lines, unknown SKUs, consents) are read back from Medusa and the facts, so attempts after a
 * crash count nothing twice; a dry run keeps the counts it made. The uploaded files are deleted
 * from the File module then (a failed import keeps them, to resume). Nothing to compensate.
 */
export const finishHistoryImportStep = createStep("finish-history-import", async (input: FinishHistoryImportStepInput, { container }) => {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const job = await facts.retrieveHistoryImport(input.import_id)
  try {
    const patch: Partial<HistoryImportRecord> = { status: "completed", finished_at: new Date() }
    if (!job.dry_run) {
      const [, created] = await container
        .resolve(Modules.CUSTOMER)
        .listAndCountCustomers({ created_by: job.id }, { select: ["id"], take: 1 })
      const counts = await readImportedCounts(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), new Date(job.started_at!))
      Object.assign(patch, counts, { customers_created: created })
    }
    await facts.updateHistoryImports({ id: job.id, bytes_read: job.customers_file_size + job.orders_file_size, ...patch })
  } catch (e) {
    await failHistoryImport(facts, job.id, e)
    throw e
  }
  const keys = [job.customers_file_key, job.orders_file_key].filter((k): k is string => !!k)
  if (keys.length) {
    await container.resolve(Modules.FILE).deleteFiles(keys)
  }
  return new StepResponse(await facts.retrieveHistoryImport(job.id))
})
