import { createWorkflow, transform, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { ReminderEvents } from "../../modules/reminders/events"
import { createReminderRulesStep, type CreateReminderRuleInput } from "./steps/create-reminder-rules"
import { ruleTargetsOf } from "./steps/reminder-rule-checks"

export type { CreateReminderRuleInput }
export type CreateReminderRulesWorkflowInput = { rules: CreateReminderRuleInput[] }

export const createReminderRulesWorkflowId = "create-reminder-rules"

/**
 * Creates reminder rules (checked: the product and variant exist and belong together, the
 * substitutes exist, one active rule per product or variant), then asks the worker to compute the
 * coverage of everyone who already bought what they cover.
 */
export const createReminderRulesWorkflow = createWorkflow(
  createReminderRulesWorkflowId,
  (input: WorkflowData<CreateReminderRulesWorkflowInput>) => {
    const rules = createReminderRulesStep(input.rules)
    emitEventStep({
      eventName: ReminderEvents.RULE_CHANGED,
      data: transform({ rules }, ({ rules }) => rules.map((rule) => ({ id: rule.id, ...ruleTargetsOf([rule]) }))),
    })
    return new WorkflowResponse(rules)
  }
)
