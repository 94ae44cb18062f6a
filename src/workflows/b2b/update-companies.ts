import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updatePriceListsStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import type { UpdateCompanyInput } from "../../modules/b2b/types"
import { updateCompaniesStep } from "./steps/update-companies"

export type UpdateCompaniesWorkflowInput = { companies: UpdateCompanyInput[] }

export const updateCompaniesWorkflowId = "update-companies"

/**
 * Updates companies: a new name renames its customer group; a new status drafts or reactivates
 * its contracts' price lists (an inactive company's employees pay list price), through Medusa's
 * own price-list step.
 */
export const updateCompaniesWorkflow = createWorkflow(updateCompaniesWorkflowId, (input: WorkflowData<UpdateCompaniesWorkflowInput>) => {
  const updated = updateCompaniesStep(input.companies)
  when({ updated }, ({ updated }) => updated.price_lists.length > 0).then(() => {
    updatePriceListsStep(transform({ updated }, ({ updated }) => updated.price_lists))
  })
  emitEventStep({
    eventName: B2bEvents.COMPANY_UPDATED,
    data: transform({ updated }, ({ updated }) => updated.companies.map((c) => ({ id: c.id }))),
  })
  return new WorkflowResponse(transform({ updated }, ({ updated }) => updated.companies))
})
