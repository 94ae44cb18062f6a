import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import type { CreateCompanyInput } from "../../modules/b2b/types"
import { createCompaniesStep } from "./steps/create-companies"

export type CreateCompaniesWorkflowInput = { companies: CreateCompanyInput[] }

export const createCompaniesWorkflowId = "create-companies"

/** Creates companies, each with its own customer group (the one its contracts' price lists are ruled on). */
export const createCompaniesWorkflow = createWorkflow(createCompaniesWorkflowId, (input: WorkflowData<CreateCompaniesWorkflowInput>) => {
  const companies = createCompaniesStep(input.companies)
  emitEventStep({
    eventName: B2bEvents.COMPANY_CREATED,
    data: transform({ companies }, ({ companies }) => companies.map((c) => ({ id: c.id }))),
  })
  return new WorkflowResponse(companies)
})
