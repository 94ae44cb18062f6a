import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { requireExisting } from "./require-existing"
import { createEarnRulesStep, type CreateEarnRuleInput } from "./steps/create-earn-rules"
import { deleteEarnRulesStep } from "./steps/delete-earn-rules"
import { updateEarnRulesStep, type UpdateEarnRuleInput } from "./steps/update-earn-rules"

export type { CreateEarnRuleInput, UpdateEarnRuleInput }

export type CreateEarnRulesWorkflowInput = { earn_rules: CreateEarnRuleInput[] }
export type UpdateEarnRulesWorkflowInput = { earn_rules: UpdateEarnRuleInput[] }
export type DeleteEarnRulesWorkflowInput = { ids: string[] }

export const createEarnRulesWorkflowId = "create-earn-rules"
export const updateEarnRulesWorkflowId = "update-earn-rules"
export const deleteEarnRulesWorkflowId = "delete-earn-rules"

/** Creates earn rules (how many points an order earns). */
export const createEarnRulesWorkflow = createWorkflow(
  createEarnRulesWorkflowId,
  (input: WorkflowData<CreateEarnRulesWorkflowInput>) => {
    const created = createEarnRulesStep(input.earn_rules)
    return new WorkflowResponse(created)
  }
)

/** Updates existing earn rules; unknown ids fail with NOT_FOUND before anything changes. */
export const updateEarnRulesWorkflow = createWorkflow(
  updateEarnRulesWorkflowId,
  (input: WorkflowData<UpdateEarnRulesWorkflowInput>) => {
    const ids = transform({ input }, ({ input }) => input.earn_rules.map((rule) => rule.id))
    requireExisting("earn_rule", ids)
    const updated = updateEarnRulesStep(input.earn_rules)
    return new WorkflowResponse(updated)
  }
)

/** Soft-deletes earn rules; unknown ids fail with NOT_FOUND before anything changes. */
export const deleteEarnRulesWorkflow = createWorkflow(
  deleteEarnRulesWorkflowId,
  (input: WorkflowData<DeleteEarnRulesWorkflowInput>) => {
    requireExisting("earn_rule", input.ids)
    deleteEarnRulesStep(input.ids)
    return new WorkflowResponse(input.ids)
  }
)
