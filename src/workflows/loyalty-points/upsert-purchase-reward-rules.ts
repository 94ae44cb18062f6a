import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requireExisting } from "./require-existing"
import {
  createPurchaseRewardRulesStep,
  type CreatePurchaseRewardRuleInput,
} from "./steps/create-purchase-reward-rules"
import { deletePurchaseRewardRulesStep } from "./steps/delete-purchase-reward-rules"
import {
  updatePurchaseRewardRulesStep,
  type UpdatePurchaseRewardRuleInput,
} from "./steps/update-purchase-reward-rules"

export type { CreatePurchaseRewardRuleInput, UpdatePurchaseRewardRuleInput }

export type CreatePurchaseRewardRulesWorkflowInput = { purchase_reward_rules: CreatePurchaseRewardRuleInput[] }
export type UpdatePurchaseRewardRulesWorkflowInput = { purchase_reward_rules: UpdatePurchaseRewardRuleInput[] }
export type DeletePurchaseRewardRulesWorkflowInput = { ids: string[] }

export const createPurchaseRewardRulesWorkflowId = "create-purchase-reward-rules"
export const updatePurchaseRewardRulesWorkflowId = "update-purchase-reward-rules"
export const deletePurchaseRewardRulesWorkflowId = "delete-purchase-reward-rules"

/** Creates "buy N, get one" rules (every N units of a product or variant earn a reward). */
export const createPurchaseRewardRulesWorkflow = createWorkflow(
  createPurchaseRewardRulesWorkflowId,
  (input: WorkflowData<CreatePurchaseRewardRulesWorkflowInput>) => {
    const created = createPurchaseRewardRulesStep(input.purchase_reward_rules)
    return new WorkflowResponse(created)
  }
)

/** Updates purchase reward rules; unknown ids fail with NOT_FOUND before anything changes. */
export const updatePurchaseRewardRulesWorkflow = createWorkflow(
  updatePurchaseRewardRulesWorkflowId,
  (input: WorkflowData<UpdatePurchaseRewardRulesWorkflowInput>) => {
    const ids = transform({ input }, ({ input }) => input.purchase_reward_rules.map((rule) => rule.id))
    requireExisting("purchase_reward_rule", ids)
    const updated = updatePurchaseRewardRulesStep(input.purchase_reward_rules)
    return new WorkflowResponse(updated)
  }
)

/** Soft-deletes purchase reward rules; unknown ids fail with NOT_FOUND before anything changes. */
export const deletePurchaseRewardRulesWorkflow = createWorkflow(
  deletePurchaseRewardRulesWorkflowId,
  (input: WorkflowData<DeletePurchaseRewardRulesWorkflowInput>) => {
    requireExisting("purchase_reward_rule", input.ids)
    deletePurchaseRewardRulesStep(input.ids)
    return new WorkflowResponse(input.ids)
  }
)
