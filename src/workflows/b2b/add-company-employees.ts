import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { addCustomersToCompanyGroupStep } from "./steps/company-group-members"
import { createCompanyEmployeesStep, type CreateCompanyEmployeesInput } from "./steps/create-company-employees"

export type AddCompanyEmployeesWorkflowInput = CreateCompanyEmployeesInput

export const addCompanyEmployeesWorkflowId = "add-company-employees"

/** Makes existing customers employees of a company and members of its customer group, so its contract prices apply to them. */
export const addCompanyEmployeesWorkflow = createWorkflow(addCompanyEmployeesWorkflowId, (input: WorkflowData<AddCompanyEmployeesWorkflowInput>) => {
  const created = createCompanyEmployeesStep(input)
  addCustomersToCompanyGroupStep(
    transform({ created }, ({ created }) => ({ customer_group_id: created.customer_group_id, customer_ids: created.customer_ids }))
  )
  emitEventStep({
    eventName: B2bEvents.EMPLOYEES_ADDED,
    data: transform({ created, input }, ({ created, input }) => ({ company_id: input.company_id, customer_ids: created.customer_ids })),
  })
  return new WorkflowResponse(transform({ created }, ({ created }) => created.employees))
})
