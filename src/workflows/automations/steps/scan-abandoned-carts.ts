import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import type { JourneyEntry } from "../../../modules/automations/types"
import { enterAutomation } from "./enter-automation"

const HOUR = 3_600_000
const PAGE = 500

type AbandonedCart = { id: string; customer_id: string; email: string; last_activity_at: Date }

/**
 * Open carts with items, an e-mail and a customer whose last change (the cart's or a line's) lies
 * in [since, until), one keyset page by id. Medusa's cart tables are read directly: "has items"
 * and "last line change" are not expressible through query.graph filters.
 */
async function abandonedCartsPage(container: MedusaContainer, since: Date, until: Date, after: string): Promise<AbandonedCart[]> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(
    `select c.id, c.customer_id, c.email, greatest(c.updated_at, li.last_item_at) as last_activity_at
     from cart c
     join lateral (select max(i.updated_at) as last_item_at from cart_line_item i where i.cart_id = c.id and i.deleted_at is null) li
       on li.last_item_at is not null
     where c.completed_at is null and c.deleted_at is null and c.email is not null and c.customer_id is not null and c.id > ?
       and greatest(c.updated_at, li.last_item_at) >= ? and greatest(c.updated_at, li.last_item_at) < ?
     order by c.id
     limit ?`,
    [after, since, until, PAGE]
  )
  return rows
}

/**
 * The cart-abandoned trigger: for each active automation, every cart left alone for its `hours`
 * (but not longer than `max_age_hours`) enters a journey keyed by the cart, so scanning again (the
 * job runs every few minutes) starts nothing twice. An order placed after the cart's last change
 * ends the journey before any message. Nothing to compensate: entries are unique and final.
 */
export async function scanAbandonedCarts(container: MedusaContainer, input: { now?: Date } = {}): Promise<{ scanned: number; started: number }> {
  const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
  const now = input.now ?? new Date()
  const result = { scanned: 0, started: 0 }
  for (const automation of await automations.listAutomationRows({ trigger_type: "cart_abandoned", active_only: true })) {
    if (automation.trigger.type !== "cart_abandoned") continue
    const maxAge = automation.trigger.max_age_hours ?? automations.getAutomationsOptions().cartMaxAgeHours
    const until = new Date(now.getTime() - automation.trigger.hours * HOUR)
    const since = new Date(until.getTime() - maxAge * HOUR)
    let after = ""
    for (;;) {
      const carts = await abandonedCartsPage(container, since, until, after)
      if (!carts.length) break
      result.scanned += carts.length
      const entries: JourneyEntry[] = carts.map((c) => ({
        customer_id: c.customer_id,
        entry_key: `cart:${c.id}`,
        exit_orders_after: new Date(c.last_activity_at),
        context: { cart_id: c.id, email: c.email },
      }))
      result.started += await enterAutomation(container, automation, entries, now)
      after = carts[carts.length - 1].id
    }
  }
  return result
}

export const scanAbandonedCartsStep = createStep("scan-abandoned-carts", async (input: { now?: Date | string }, { container }) => {
  return new StepResponse(await scanAbandonedCarts(container, { now: input.now ? new Date(input.now) : undefined }))
})
