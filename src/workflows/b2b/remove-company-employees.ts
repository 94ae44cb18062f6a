import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { removeCustomersFromCompanyGroupStep } from "./steps/company-group-members"
import { deleteCompanyEmployeesStep, type DeleteCompanyEmployeesInput } from "./steps/employee-records"

export type RemoveCompanyEmployeesWorkflowInput = DeleteCompanyEmployeesInput

export const removeCompanyEmployeesWorkflowId = "remove-company-employees"

/** Ends employments: the records are deleted and the customers leave the company's group (they pay list price again). */
export const removeCompanyEmployeesWorkflow = createWorkflow(removeCompanyEmployeesWorkflowId, (input: WorkflowData<RemoveCompanyEmployeesWorkflowInput>) => {
  const removed = deleteCompanyEmployeesStep(input)
  removeCustomersFromCompanyGroupStep(removed)
  emitEventStep({
    eventName: B2bEvents.EMPLOYEES_REMOVED,
    data: transform({ removed, input }, ({ removed, input }) => ({ company_id: input.company_id, customer_ids: removed.customer_ids })),
  })
  return new WorkflowResponse(removed)
})
