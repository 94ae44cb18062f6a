import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { enterAutomation } from "./enter-automation"

const HOUR = 3_600_000
const PAGE = 1000
/** Views older than the trigger's hours by more than this are not chased (the job runs hourly; a new automation does not chase old views). */
const LOOKBACK_HOURS = 48

/**
 * The viewed-but-not-bought trigger: a logged-in customer's product view whose last view is the
 * trigger's `hours` old, with no purchase of the product since that day, enters, keyed by customer
 * × product × day, so the hourly job starts each once. An order placed after the view ends the
 * journey (exit on order). Nothing to compensate.
 */
export async function scanViewedNotBought(container: MedusaContainer, input: { now?: Date } = {}): Promise<{ scanned: number; started: number }> {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const now = input.now ?? new Date()
  const result = { scanned: 0, started: 0 }
  for (const automation of await automations.listAutomationRows({ trigger_type: "viewed_not_bought", active_only: true })) {
    if (automation.trigger.type !== "viewed_not_bought") continue
    const until = new Date(now.getTime() - automation.trigger.hours * HOUR)
    const since = new Date(until.getTime() - LOOKBACK_HOURS * HOUR)
    let after = ""
    for (;;) {
      const views = await automations.listViewedNotBought({ since, until, after, limit: PAGE })
      if (!views.length) break
      result.scanned += views.length
      result.started += await enterAutomation(
        container,
        automation,
        views.map((v) => {
          const day = new Date(v.activity_date).toISOString().slice(0, 10)
          return {
            customer_id: v.customer_id,
            entry_key: `viewed:${v.customer_id}:${v.product_id}:${day}`,
            exit_orders_after: new Date(v.last_event_at),
            context: { product_id: v.product_id, viewed_on: day },
          }
        }),
        now
      )
      after = views[views.length - 1].id
    }
  }
  return result
}

export const scanViewedNotBoughtStep = createStep("scan-viewed-not-bought", async (input: { now?: Date | string }, { container }) => {
  return new StepResponse(await scanViewedNotBought(container, { now: input.now ? new Date(input.now) : undefined }))
})
