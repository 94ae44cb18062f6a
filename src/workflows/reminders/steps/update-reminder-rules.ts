import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"
import type { CreateReminderRuleInput } from "./create-reminder-rules"
import { assertReminderRules, RULE_TARGET_FIELDS, type ReminderRuleTargets } from "./reminder-rule-checks"

export type UpdateReminderRuleInput = Partial<CreateReminderRuleInput> & { id: string }

/** Changes to these fields move coverage or due dates; a new title or template moves nothing. */
const COVERAGE_FIELDS = [
  "product_id",
  "variant_id",
  "substitute_product_ids",
  "substitute_variant_ids",
  "days_per_unit",
  "use_personal_cycle",
  "lead_days",
  "max_reminders",
  "nudge_after_days",
  "is_active",
] as const

type Rule = Awaited<ReturnType<RemindersModuleService["listReminderRules"]>>[number]

export type UpdateReminderRulesResult = {
  rules: Rule[]
  /** The rules whose coverage or due dates may move, with what they covered before the change. */
  moved: ReminderRuleTargets[]
}

export const updateReminderRulesStepId = "update-reminder-rules"

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * Checks and updates reminder rules (unknown ids: NOT_FOUND); the checks see each rule as it will
 * be stored. Snapshots only the fields it changes and restores them in the compensation.
 */
export const updateReminderRulesStep = createStep(
  updateReminderRulesStepId,
  async (data: UpdateReminderRuleInput[], { container }) => {
    const service = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
    const fields = [...new Set(data.flatMap((d) => Object.keys(d)))].filter((f) => f !== "id")
    const previous = data.length
      ? await service.listReminderRules({ id: data.map((d) => d.id) }, { select: [...new Set([...RULE_TARGET_FIELDS, ...fields])] as (keyof Rule)[] })
      : []
    const changes = data.map((update) => {
      const before = previous.find((p) => p.id === update.id)
      if (!before) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Reminder rule with id "${update.id}" not found`)
      }
      return { update, before }
    })
    await assertReminderRules(
      container,
      changes.map(({ update, before }) => ({
        id: before.id,
        product_id: update.product_id ?? before.product_id,
        variant_id: "variant_id" in update ? update.variant_id : before.variant_id,
        substitute_product_ids: update.substitute_product_ids ?? before.substitute_product_ids,
        substitute_variant_ids: update.substitute_variant_ids ?? before.substitute_variant_ids,
        is_active: update.is_active ?? before.is_active,
      }))
    )
    const moved = changes
      .filter(({ update, before }) => COVERAGE_FIELDS.some((f) => f in update && !same(update[f], before[f])))
      .map(({ before }) => ({
        id: before.id,
        product_id: before.product_id,
        variant_id: before.variant_id,
        substitute_product_ids: before.substitute_product_ids,
        substitute_variant_ids: before.substitute_variant_ids,
      }))
    // The stored values of exactly the fields the update sends.
    const dataBeforeUpdate = previous.map(
      (row) => Object.fromEntries(["id", ...fields].map((f) => [f, row[f as keyof Rule]])) as UpdateReminderRuleInput
    )
    const rules = data.length ? await service.updateReminderRules(data) : []
    return new StepResponse<UpdateReminderRulesResult, { dataBeforeUpdate: UpdateReminderRuleInput[] }>({ rules, moved }, { dataBeforeUpdate })
  },
  async (compensation, { container }) => {
    if (!compensation?.dataBeforeUpdate.length) {
      return
    }
    await container.resolve<RemindersModuleService>(REMINDERS_MODULE).updateReminderRules(compensation.dataBeforeUpdate)
  }
)
