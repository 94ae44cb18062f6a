import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { enterAutomation } from "./enter-automation"

const PAGE = 1000

/**
 * The birthday / sign-up anniversary trigger: customers whose date (a metadata "YYYY-MM-DD" or
 * their sign-up day) falls on today's UTC day enter, keyed by the year, so the daily job (or a
 * rerun of it) fires once a year. Nothing to compensate.
 */
export async function scanAnniversaries(container: MedusaContainer, input: { now?: Date } = {}): Promise<{ scanned: number; started: number }> {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const now = input.now ?? new Date()
  const year = now.getUTCFullYear()
  const result = { scanned: 0, started: 0 }
  for (const automation of await automations.listAutomationRows({ trigger_type: "anniversary", active_only: true })) {
    const trigger = automation.trigger
    if (trigger.type !== "anniversary") continue
    const label = trigger.date === "signup" ? "signup" : `metadata.${trigger.metadata_key}`
    let after = ""
    for (;;) {
      const due = await automations.listAnniversaryCustomers({ date: trigger.date, metadata_key: trigger.metadata_key, on: now, after, limit: PAGE })
      if (!due.length) break
      result.scanned += due.length
      result.started += await enterAutomation(
        container,
        automation,
        due.map((c) => ({ customer_id: c.customer_id, entry_key: `anniversary:${label}:${c.customer_id}:${year}`, context: { date: c.day, years: year - Number(c.day.slice(0, 4)) } })),
        now
      )
      after = due[due.length - 1].customer_id
    }
  }
  return result
}

export const scanAnniversariesStep = createStep("scan-anniversaries", async (input: { now?: Date | string }, { container }) => {
  return new StepResponse(await scanAnniversaries(container, { now: input.now ? new Date(input.now) : undefined }))
})
