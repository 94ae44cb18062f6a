import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, updatePriceListsStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import type { UpdateContractInput } from "../../modules/b2b/types"
import { amendContractsStep } from "./steps/contract-records"
import { prepareContractUpdatesStep } from "./steps/prepare-contracts"

export type UpdateContractsWorkflowInput = { contracts: UpdateContractInput[] }

export const updateContractsWorkflowId = "update-contracts"

/**
 * Changes contracts; the price list follows (title, starts_at / ends_at, status) through
 * Medusa's own step, whose compensation restores it.
 */
export const updateContractsWorkflow = createWorkflow(updateContractsWorkflowId, (input: WorkflowData<UpdateContractsWorkflowInput>) => {
  const prepared = prepareContractUpdatesStep(input.contracts)
  const contracts = amendContractsStep(input.contracts)
  when({ prepared }, ({ prepared }) => prepared.price_lists.length > 0).then(() => {
    updatePriceListsStep(transform({ prepared }, ({ prepared }) => prepared.price_lists))
  })
  emitEventStep({
    eventName: B2bEvents.CONTRACT_UPDATED,
    data: transform({ contracts }, ({ contracts }) => contracts.map((c) => ({ id: c.id, company_id: c.company_id, price_list_id: c.price_list_id }))),
  })
  return new WorkflowResponse(contracts)
})
