import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { deletePriceListsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { deleteCompaniesStep } from "./steps/delete-companies"

export type DeleteCompaniesWorkflowInput = { ids: string[] }

export const deleteCompaniesWorkflowId = "delete-companies"

/** Deletes companies with their employees, contracts, contract price lists and customer group (all soft, all restored on failure). */
export const deleteCompaniesWorkflow = createWorkflow(deleteCompaniesWorkflowId, (input: WorkflowData<DeleteCompaniesWorkflowInput>) => {
  const deleted = deleteCompaniesStep(input.ids)
  when({ deleted }, ({ deleted }) => deleted.price_list_ids.length > 0).then(() => {
    deletePriceListsStep(transform({ deleted }, ({ deleted }) => deleted.price_list_ids))
  })
  emitEventStep({
    eventName: B2bEvents.COMPANY_DELETED,
    data: transform({ input }, ({ input }) => input.ids.map((id) => ({ id }))),
  })
  return new WorkflowResponse(input.ids)
})
