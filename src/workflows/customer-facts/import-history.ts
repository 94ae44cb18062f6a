import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { CustomerFactsEvents, type CustomerFactsBulkRefreshedPayload } from "../../modules/customer-facts/events"
import { finishHistoryImportStep } from "./steps/finish-history-import"
import { importHistoryCustomersStep } from "./steps/import-history-customers"
import { importHistoryOrdersStep } from "./steps/import-history-orders"
import { previewHistoryImportStep } from "./steps/preview-history-import"
import { recomputeRfmStep } from "./steps/recompute-rfm"
import { startHistoryImportStep } from "./steps/start-history-import"

export const importHistoryWorkflowId = "import-history"

export type ImportHistoryInput = {
  import_id: string
  /** Valid lines per batch (1000 by default). */
  batch_size?: number
}

/**
 * Runs a stored import: customers.csv into Medusa customers and their facts, then orders.csv into
 * imported order facts, both streamed in batches with the progress saved after each; then the RFM
 * scores, and a bulk-change event so segments refresh in full. A dry run reads, validates and
 * looks everything up the same way and writes nothing but the import's record. Resumable: run it
 * again after a crash and it continues after the last saved line, creating nothing twice.
 */
export const importHistoryWorkflow = createWorkflow(importHistoryWorkflowId, (input: ImportHistoryInput) => {
  const started = startHistoryImportStep({ import_id: input.import_id })
  when("import-history-dry-run", { started }, ({ started }) => started.dry_run).then(() => {
    previewHistoryImportStep({ import_id: input.import_id, batch_size: input.batch_size })
  })
  when("import-history-write", { started }, ({ started }) => !started.dry_run).then(() => {
    const customers = importHistoryCustomersStep({ import_id: input.import_id, batch_size: input.batch_size })
    importHistoryOrdersStep({ import_id: input.import_id, batch_size: input.batch_size })
    recomputeRfmStep({})
    emitEventStep({
      eventName: CustomerFactsEvents.BULK_REFRESHED,
      data: transform({ customers }, ({ customers }): CustomerFactsBulkRefreshedPayload => ({ customers: customers.rows, reason: "import" })),
    })
  })
  const finished = finishHistoryImportStep({ import_id: input.import_id })
  return new WorkflowResponse(finished)
})
