import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { createHistoryImportStep, type StoredHistoryFile } from "./steps/create-history-import"
import { HistoryImportEvents } from "./import-history-events"

export const createHistoryImportWorkflowId = "create-history-import"

export type CreateHistoryImportInput = {
  dry_run: boolean
  customers?: StoredHistoryFile | null
  orders?: StoredHistoryFile | null
  created_by?: string | null
  /** Announce it so the worker runs it (the admin route); the CLI runs it in its own process instead. */
  run_in_background: boolean
}

/**
 * Records an upload of customers.csv and/or orders.csv as a pending import and, for the admin
 * route, announces it: a subscriber runs the import on the worker (in a server/worker split the
 * HTTP server only stores the files).
 */
export const createHistoryImportWorkflow = createWorkflow(createHistoryImportWorkflowId, (input: CreateHistoryImportInput) => {
  const created = createHistoryImportStep({
    dry_run: input.dry_run,
    customers: input.customers,
    orders: input.orders,
    created_by: input.created_by,
  })
  when({ input }, ({ input }) => input.run_in_background).then(() => {
    emitEventStep({
      eventName: HistoryImportEvents.REQUESTED,
      data: transform({ created }, ({ created }) => ({ id: created.id })),
    })
  })
  return new WorkflowResponse(created)
})
