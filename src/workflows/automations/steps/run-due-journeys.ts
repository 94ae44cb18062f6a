import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import { compileProgram, type ProgramStep } from "../../../modules/automations/definition/program"
import { waitMs } from "../../../modules/automations/definition/schema"
import type AutomationsModuleService from "../../../modules/automations/service"
import type { AutomationRow, JourneyRow, StepRunRow } from "../../../modules/automations/types"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import { addJourneyToGroup } from "../actions/add-journey-to-group"
import { adjustJourneyPoints } from "../actions/adjust-journey-points"
import { issueJourneyPromotion } from "../actions/issue-journey-promotion"
import { sendJourneyEmails, type EmailProfile, type JourneyEmail } from "../actions/send-journey-email"
import type { ActionOutcome, ActionTarget } from "../actions/types"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import type { ResolvedReferences } from "../../../modules/segments/definition/references"
import type SegmentsModuleService from "../../../modules/segments/service"
import { resolveReferences } from "../../segments/resolve-references"

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
  /** Each automation's steps as the flat list journeys walk. */
  programs: Map<string, ProgramStep[]>
  /** Split conditions' references, resolved once per batch (`automation_id:index`). */
  splitReferences: Map<string, ResolvedReferences>
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

type ActionStep = Extract<ProgramStep, { type: "issue_promotion" | "adjust_points" | "add_to_group" }>

async function runAction(container: MedusaContainer, step: ActionStep, target: ActionTarget): Promise<ActionOutcome> {
  switch (step.type) {
    case "issue_promotion":
      return issueJourneyPromotion(container, target, step)
    case "adjust_points":
      return adjustJourneyPoints(container, target, step)
    case "add_to_group":
      return addJourneyToGroup(container, target, step)
  }
}

/**
 * Decides the splits these journeys reached, one query per split over the customers there: the
 * condition over their facts now. Recorded as `done` with the branch taken.
 */
async function decideSplits(container: MedusaContainer, walks: Walk[], batch: Batch, now: Date): Promise<Map<string, ActionOutcome>> {
  const outcomes = new Map<string, ActionOutcome>()
  const atSplit = new Map<string, { step: Extract<ProgramStep, { type: "split" }>; walks: Walk[] }>()
  for (const w of walks) {
    const step = w.program[w.index]
    if (step.type !== "split") continue
    const key = `${w.automation.id}:${w.index}`
    if (!atSplit.has(key)) atSplit.set(key, { step, walks: [] })
    atSplit.get(key)!.walks.push(w)
  }
  const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
  for (const [key, { step, walks: here }] of atSplit) {
    if (!batch.splitReferences.has(key)) batch.splitReferences.set(key, await resolveReferences(container, step.condition))
    const matching = new Set(
      await segments.matchCustomers({ definition: step.condition, references: batch.splitReferences.get(key)!, customer_ids: here.map((w) => w.journey.customer_id), now })
    )
    for (const w of here) {
      const branch = matching.has(w.journey.customer_id) ? "yes" : "no"
      outcomes.set(`automation:${w.journey.id}:${w.index}`, { outcome: "done", detail: { branch } })
    }
  }
  return outcomes
}

type Walk = { journey: JourneyRow; automation: AutomationRow; program: ProgramStep[]; index: number; context: Record<string, unknown> }
type Settlement = Parameters<AutomationsModuleService["settleJourneys"]>[0]["journeys"][number]

/**
 * Takes a claimed batch as far as each journey can go now, step by step for the whole batch:
 * journeys of an automation that is off end (`automation_off`), those whose customer ordered exit
 * (`order_placed`). The others walk their steps from where they are: a wait records when it began
 * (once) and, until it is over, the journey is released to run again at its end; an action already
 * recorded is not run again (its detail, e.g. a promotion code, is kept in the context); the next
 * action of every journey is run (the batch's e-mails together; a holdout journey's action is only
 * recorded as held out) and recorded under the claim, a round at a time. After the last step the
 * journey is completed. A lost claim (lease taken over, an order ended it) drops the journey.
 */
async function runBatch(container: MedusaContainer, claimed: JourneyRow[], batch: Batch, now: Date, result: RunDueJourneysResult) {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const settle = async (settlements: Settlement[]) => {
    const done = await automations.settleJourneys({ journeys: settlements, now })
    for (const s of settlements) {
      if (!done.has(s.id)) result.lost++
      else if (s.status === "active") result.waiting++
      else if (s.status === "completed") result.completed++
      else result.exited[s.reason!] = (result.exited[s.reason!] ?? 0) + 1
    }
  }
  const exits: Settlement[] = []
  let walks: Walk[] = []
  for (const journey of claimed) {
    const automation = batch.automations.get(journey.automation_id)
    const base = { id: journey.id, claim_token: journey.claim_token!, step_index: journey.step_index }
    if (!automation || !automation.is_active) exits.push({ ...base, status: "exited", reason: "automation_off" })
    else if (automation.exit_on_order && batch.ordered.has(journey.id)) exits.push({ ...base, status: "exited", reason: "order_placed" })
    else walks.push({ journey, automation, program: batch.programs.get(automation.id)!, index: journey.step_index, context: { ...(journey.context ?? {}) } })
  }
  await settle(exits)
  while (walks.length) {
    const settlements: Settlement[] = []
    const pending: Walk[] = []
    /** Walks a journey over the steps it already did; says where it stopped. */
    const advance = (w: Walk): "waiting" | "completed" | "new_wait" | "action" => {
      const key = () => `${w.journey.id}:${w.index}`
      const base = { id: w.journey.id, claim_token: w.journey.claim_token!, context: w.context }
      const end = w.program.length
      while (w.index < end) {
        const step = w.program[w.index]
        // Jumps and ends are where the tree's shape sends the journey: nothing to record.
        if (step.type === "jump") {
          w.index = step.to
          continue
        }
        if (step.type === "end") {
          w.index = end
          break
        }
        const run = batch.runs.get(key())
        if (!run) return step.type === "wait" ? "new_wait" : "action"
        if (step.type === "wait") {
          const due = new Date(run.run_at).getTime() + waitMs(step)
          if (due > now.getTime()) {
            settlements.push({ ...base, status: "active", step_index: w.index, next_run_at: new Date(due) })
            return "waiting"
          }
        } else if (step.type === "split") {
          // The branch recorded when the journey first reached the split: a rerun takes the same one.
          w.index = run.detail?.branch === "no" ? step.no_at : w.index + 1
          continue
        } else if (run.detail?.promotion_code) {
          w.context.promotion_code = run.detail.promotion_code
        }
        w.index++
      }
      settlements.push({ ...base, status: "completed", step_index: end })
      return "completed"
    }
    const newWaits: Walk[] = []
    for (const w of walks) {
      const stop = advance(w)
      if (stop === "new_wait") newWaits.push(w)
      else if (stop === "action") pending.push(w)
    }
    // The waits reached for the first time begin now (an earlier, crashed run's record is kept:
    // the end follows from it), then the journey walks on from there.
    const waits = await automations.recordStepRuns({
      runs: newWaits.map((w) => ({ journey_id: w.journey.id, claim_token: w.journey.claim_token!, step_index: w.index, step_type: "wait", outcome: "waited" })),
      run_at: now,
    })
    for (const [key, run] of waits) batch.runs.set(key, run)
    for (const w of newWaits) {
      const stop = advance(w)
      if (stop === "new_wait") result.lost++ // its wait could not be recorded: the claim is gone
      else if (stop === "action") pending.push(w)
    }
    await settle(settlements)
    // Run the next action of every journey still walking, the e-mails together.
    const outcomes = new Map<string, ActionOutcome>()
    const target = (w: Walk): ActionTarget => ({
      journey_id: w.journey.id,
      automation_id: w.automation.id,
      automation_name: w.automation.name,
      customer_id: w.journey.customer_id,
      step_index: w.index,
      key: `automation:${w.journey.id}:${w.index}`,
      context: w.context,
      now,
    })
    // Splits first, holdout journeys too: a held-out customer follows the same branches (and waits).
    for (const [key, outcome] of await decideSplits(container, pending, batch, now)) outcomes.set(key, outcome)
    const emails: JourneyEmail[] = []
    for (const w of pending) {
      const step = w.program[w.index]
      if (step.type === "split") continue
      if (w.journey.is_holdout) outcomes.set(target(w).key, { outcome: "held_out" })
      else if (step.type === "send_email") emails.push({ target: target(w), step, profile: batch.profiles.get(w.journey.customer_id) })
      else if (step.type === "issue_promotion" || step.type === "adjust_points" || step.type === "add_to_group") outcomes.set(target(w).key, await runAction(container, step, target(w)))
    }
    for (const [key, outcome] of await sendJourneyEmails(container, emails, batch.blocked)) outcomes.set(key, outcome)
    const recorded = await automations.recordStepRuns({
      runs: pending.map((w) => {
        const outcome = outcomes.get(target(w).key)!
        return {
          journey_id: w.journey.id,
          claim_token: w.journey.claim_token!,
          step_index: w.index,
          step_type: w.program[w.index].type,
          outcome: outcome.outcome,
          reason: outcome.reason,
          detail: outcome.detail,
        }
      }),
      run_at: now,
    })
    walks = []
    for (const w of pending) {
      const run = recorded.get(`${w.journey.id}:${w.index}`)
      if (!run) {
        result.lost++
        continue
      }
      batch.runs.set(`${w.journey.id}:${w.index}`, run)
      result.steps_run++
      walks.push(w)
    }
  }
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
      programs: new Map(rows.map((a) => [a.id, compileProgram(a.steps)])),
      splitReferences: new Map(),
      runs: await automations.listStepRunsOf(claimed.map((j) => j.id)),
      ordered: await orderedSince(container, claimed),
      profiles,
      blocked: await messaging.listSuppressedEmails(emails),
    }
    await runBatch(container, claimed, context, now, result)
  }
  return result
}

export const runDueJourneysStep = createStep("run-due-journeys", async (input: { now?: Date | string; max_batches?: number }, { container }) => {
  return new StepResponse(await runDueJourneys(container, { now: input.now ? new Date(input.now) : undefined, max_batches: input.max_batches }))
})
