import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { deletePriceListsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { deleteContractsStep } from "./steps/contract-records"

export type DeleteContractsWorkflowInput = { ids: string[] }

export const deleteContractsWorkflowId = "delete-contracts"

/** Deletes contracts and their price lists (soft, restored on failure). */
export const deleteContractsWorkflow = createWorkflow(deleteContractsWorkflowId, (input: WorkflowData<DeleteContractsWorkflowInput>) => {
  const contracts = deleteContractsStep(input.ids)
  deletePriceListsStep(transform({ contracts }, ({ contracts }) => contracts.map((c) => c.price_list_id)))
  emitEventStep({
    eventName: B2bEvents.CONTRACT_DELETED,
    data: transform({ contracts }, ({ contracts }) => contracts.map((c) => ({ id: c.id, company_id: c.company_id, price_list_id: c.price_list_id }))),
  })
  return new WorkflowResponse(input.ids)
})
