import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import { waitMs, type AutomationStep } from "../../../modules/automations/definition/schema"
import type AutomationsModuleService from "../../../modules/automations/service"
import type { AutomationRow, JourneyRow, StepRunRow } from "../../../modules/automations/types"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import { addJourneyToGroup } from "../actions/add-journey-to-group"
import { adjustJourneyPoints } from "../actions/adjust-journey-points"
import { issueJourneyPromotion } from "../actions/issue-journey-promotion"
import { sendJourneyEmail, type EmailProfile } from "../actions/send-journey-email"
import type { ActionOutcome, ActionTarget } from "../actions/types"

export type RunDueJourneysResult = {
  claimed: number
  steps_run: number
  waiting: number
  completed: number
  exited: Record<string, number>
  /** Claims another run took over or an order ended meanwhile. */
  lost: number
}

type Batch = {
  automations: Map<string, AutomationRow>
  runs: Map<string, StepRunRow>
  ordered: Set<string>
  profiles: Map<string, EmailProfile>
  blocked: Set<string>
}

/** Journeys whose customer placed an order after the journey's exit point (Medusa's orders, not the lagging facts). */
async function orderedSince(container: MedusaContainer, journeys: JourneyRow[]): Promise<Set<string>> {
  if (!journeys.length) return new Set()
  const earliest = new Date(Math.min(...journeys.map((j) => new Date(j.exit_orders_after).getTime())))
  const { data: orders } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "order",
    fields: ["id", "customer_id", "created_at", "status"],
    filters: { customer_id: [...new Set(journeys.map((j) => j.customer_id))], created_at: { $gt: earliest } },
  })
  const ended = new Set<string>()
  for (const j of journeys) {
    const after = new Date(j.exit_orders_after).getTime()
    if (orders.some((o) => o.customer_id === j.customer_id && o.status !== "canceled" && new Date(o.created_at as Date).getTime() > after)) ended.add(j.id)
  }
  return ended
}

async function runAction(container: MedusaContainer, step: AutomationStep, target: ActionTarget, batch: Batch): Promise<ActionOutcome> {
  switch (step.type) {
    case "send_email":
      return sendJourneyEmail(container, target, step, batch.profiles.get(target.customer_id), batch.blocked)
    case "issue_promotion":
      return issueJourneyPromotion(container, target, step)
    case "adjust_points":
      return adjustJourneyPoints(container, target, step)
    case "add_to_group":
      return addJourneyToGroup(container, target, step)
    case "wait":
      return { outcome: "waited" }
  }
}

/**
 * Takes one claimed journey as far as it can go now: exits it when the automation is off or the
 * customer ordered; otherwise walks its steps from where it is. A wait records when it began
 * (once) and, until it is over, releases the journey to run again at its end. An action already
 * recorded is not run again (its detail, e.g. a promotion code, is kept in the context); a new one
 * runs (a holdout journey's is only recorded as held out) and is recorded under the claim. After
 * the last step the journey is completed. A lost claim (lease taken over, an order ended it)
 * stops the walk.
 */
async function runJourney(container: MedusaContainer, journey: JourneyRow, batch: Batch, now: Date, result: RunDueJourneysResult) {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const token = journey.claim_token!
  const automation = batch.automations.get(journey.automation_id)
  const exit = async (reason: string) => {
    if (await automations.endJourney({ id: journey.id, claim_token: token, status: "exited", reason, step_index: journey.step_index, now })) {
      result.exited[reason] = (result.exited[reason] ?? 0) + 1
    } else result.lost++
  }
  if (!automation || !automation.is_active) return exit("automation_off")
  if (automation.exit_on_order && batch.ordered.has(journey.id)) return exit("order_placed")
  const context: Record<string, unknown> = { ...(journey.context ?? {}) }
  for (let i = journey.step_index; i < automation.steps.length; i++) {
    const step = automation.steps[i]
    let run = batch.runs.get(`${journey.id}:${i}`)
    if (step.type === "wait") {
      run ??= (await automations.recordStepRun({ journey_id: journey.id, claim_token: token, step_index: i, step_type: "wait", outcome: "waited", run_at: now })) ?? undefined
      if (!run) return void result.lost++
      const due = new Date(run.run_at).getTime() + waitMs(step)
      if (due > now.getTime()) {
        if (await automations.releaseJourney({ id: journey.id, claim_token: token, step_index: i, next_run_at: new Date(due), context })) result.waiting++
        else result.lost++
        return
      }
      continue
    }
    if (!run) {
      const target: ActionTarget = {
        journey_id: journey.id,
        automation_id: automation.id,
        automation_name: automation.name,
        customer_id: journey.customer_id,
        step_index: i,
        key: `automation:${journey.id}:${i}`,
        context,
        now,
      }
      const outcome: ActionOutcome = journey.is_holdout ? { outcome: "held_out" } : await runAction(container, step, target, batch)
      run =
        (await automations.recordStepRun({
          journey_id: journey.id,
          claim_token: token,
          step_index: i,
          step_type: step.type,
          outcome: outcome.outcome,
          reason: outcome.reason,
          detail: outcome.detail,
          run_at: now,
        })) ?? undefined
      if (!run) return void result.lost++
      result.steps_run++
    }
    if (run.detail?.promotion_code) context.promotion_code = run.detail.promotion_code
  }
  if (await automations.endJourney({ id: journey.id, claim_token: token, status: "completed", step_index: automation.steps.length, now, context })) result.completed++
  else result.lost++
}

/**
 * The runner: claims the journeys that are due batch by batch and runs each as far as it can go
 * now. Nothing to compensate: every step is recorded once and every transition is final.
 */
export async function runDueJourneys(container: MedusaContainer, input: { now?: Date; max_batches?: number } = {}): Promise<RunDueJourneysResult> {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const result: RunDueJourneysResult = { claimed: 0, steps_run: 0, waiting: 0, completed: 0, exited: {}, lost: 0 }
  for (let batch = 0; batch < (input.max_batches ?? Infinity); batch++) {
    const now = input.now ?? new Date()
    const claimed = await automations.claimDueJourneys({ now })
    if (!claimed.length) break
    result.claimed += claimed.length
    const customerIds = [...new Set(claimed.map((j) => j.customer_id))]
    const rows = await automations.listAutomationRows({ ids: [...new Set(claimed.map((j) => j.automation_id))] })
    const profiles = new Map<string, EmailProfile>(
      (await facts.listCustomerFacts({ customer_id: customerIds }, { select: ["customer_id", "email", "first_name", "email_marketing_consent"] })).map((f) => [
        f.customer_id,
        { email: f.email ?? null, first_name: f.first_name ?? null, email_marketing_consent: !!f.email_marketing_consent },
      ])
    )
    const emails = [...new Set([...[...profiles.values()].map((p) => p?.email), ...claimed.map((j) => j.context?.email as string | undefined)].filter((e): e is string => !!e))]
    const context: Batch = {
      automations: new Map(rows.map((a) => [a.id, a])),
      runs: await automations.listStepRunsOf(claimed.map((j) => j.id)),
      ordered: await orderedSince(container, claimed),
      profiles,
      blocked: await messaging.listSuppressedEmails(emails),
    }
    for (const journey of claimed) {
      await runJourney(container, journey, context, now, result)
    }
  }
  return result
}

export const runDueJourneysStep = createStep("run-due-journeys", async (input: { now?: Date | string; max_batches?: number }, { container }) => {
  return new StepResponse(await runDueJourneys(container, { now: input.now ? new Date(input.now) : undefined, max_batches: input.max_batches }))
})
