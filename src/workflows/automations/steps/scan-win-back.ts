import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { enterAutomation } from "./enter-automation"

const PAGE = 1000

/**
 * The win-back trigger: customers whose last order (per their facts) is `days` old or more enter,
 * keyed by that last order's date, so each lapse starts one journey however often the job runs;
 * ordering again and lapsing again is a new lapse. Nothing to compensate.
 */
export async function scanWinBack(container: MedusaContainer, input: { now?: Date } = {}): Promise<{ scanned: number; started: number }> {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const now = input.now ?? new Date()
  const result = { scanned: 0, started: 0 }
  for (const automation of await automations.listAutomationRows({ trigger_type: "win_back", active_only: true })) {
    if (automation.trigger.type !== "win_back") continue
    let after: string | null = null
    for (;;) {
      const lapsed = await automations.listLapsedCustomers({ days: automation.trigger.days, now, after, limit: PAGE })
      if (!lapsed.length) break
      result.scanned += lapsed.length
      result.started += await enterAutomation(
        container,
        automation,
        lapsed.map((c) => ({ customer_id: c.customer_id, entry_key: `win_back:${c.customer_id}:${new Date(c.last_order_at).toISOString()}` })),
        now
      )
      after = lapsed[lapsed.length - 1].customer_id
    }
  }
  return result
}

export const scanWinBackStep = createStep("scan-win-back", async (input: { now?: Date | string }, { container }) => {
  return new StepResponse(await scanWinBack(container, { now: input.now ? new Date(input.now) : undefined }))
})
