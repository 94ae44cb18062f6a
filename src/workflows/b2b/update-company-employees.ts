import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { updateCompanyEmployeesStep, type UpdateCompanyEmployeesInput } from "./steps/employee-records"

export type UpdateCompanyEmployeesWorkflowInput = UpdateCompanyEmployeesInput

export const updateCompanyEmployeesWorkflowId = "update-company-employees"

/** Changes employees' role or spending limit (employees of another company: NOT_FOUND). */
export const updateCompanyEmployeesWorkflow = createWorkflow(updateCompanyEmployeesWorkflowId, (input: WorkflowData<UpdateCompanyEmployeesWorkflowInput>) => {
  return new WorkflowResponse(updateCompanyEmployeesStep(input))
})
