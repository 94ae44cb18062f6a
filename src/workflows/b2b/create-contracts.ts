import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { createPriceListsStep, emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import type { CreateContractInput } from "../../modules/b2b/types"
import { signContractsStep } from "./steps/contract-records"
import { prepareContractsStep } from "./steps/prepare-contracts"

export type CreateContractsWorkflowInput = { contracts: CreateContractInput[] }

export const createContractsWorkflowId = "create-contracts"

/**
 * Creates contracts: each gets a Medusa price list (override, ruled on its company's customer
 * group under `customer.groups.id`, starts_at / ends_at its validity, active only while the
 * contract and the company are), created through Medusa's own step, then the contract record.
 */
export const createContractsWorkflow = createWorkflow(createContractsWorkflowId, (input: WorkflowData<CreateContractsWorkflowInput>) => {
  const prepared = prepareContractsStep(input.contracts)
  const priceLists = createPriceListsStep({
    data: transform({ prepared }, ({ prepared }) => prepared.price_lists),
    variant_price_map: {},
  })
  const contracts = signContractsStep(
    transform({ prepared, priceLists }, ({ prepared, priceLists }) =>
      prepared.contracts.map((contract, i) => ({ ...contract, price_list_id: priceLists[i].id }))
    )
  )
  emitEventStep({
    eventName: B2bEvents.CONTRACT_CREATED,
    data: transform({ contracts }, ({ contracts }) => contracts.map((c) => ({ id: c.id, company_id: c.company_id, price_list_id: c.price_list_id }))),
  })
  return new WorkflowResponse(contracts)
})
