import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { B2bEvents } from "../../modules/b2b/events"
import { setContractPricesStep, type SetContractPricesInput } from "./steps/set-contract-prices"

export type SetContractPricesWorkflowInput = SetContractPricesInput

export const setContractPricesWorkflowId = "set-contract-prices"

/** Sets variants' volume tiers in a contract's price list (the contract editor's save). */
export const setContractPricesWorkflow = createWorkflow(setContractPricesWorkflowId, (input: WorkflowData<SetContractPricesWorkflowInput>) => {
  const result = setContractPricesStep(input)
  emitEventStep({
    eventName: B2bEvents.CONTRACT_PRICES_CHANGED,
    data: transform({ result }, ({ result }) => ({
      contract_id: result.contract_id,
      price_list_id: result.price_list_id,
      added: result.added,
      changed: result.changed,
      removed: result.removed,
    })),
  })
  return new WorkflowResponse(result)
})
