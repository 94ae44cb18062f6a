import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUTOMATIONS_MODULE } from "../../../modules/automations"
import type AutomationsModuleService from "../../../modules/automations/service"
import { enterAutomation } from "./enter-automation"

/**
 * An order was placed: the customer's journeys that exit on an order end (`order_placed`), and
 * the automations triggered by the customer's Nth order start, keyed by the order. A replay ends
 * nothing more and starts nothing more. Nothing to compensate.
 */
export const handleOrderForAutomationsStep = createStep(
  "handle-order-for-automations",
  async (input: { order_id: string; now?: Date | string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const automations = container.resolve<AutomationsModuleService>(AUTOMATIONS_MODULE)
    const now = input.now ? new Date(input.now) : new Date()
    const { data: [order] } = await query.graph({ entity: "order", fields: ["id", "customer_id", "created_at"], filters: { id: input.order_id } })
    if (!order?.customer_id) {
      return new StepResponse({ exited: 0, started: 0 })
    }
    const placedAt = new Date(order.created_at as Date)
    const exited = await automations.exitJourneysOnOrder({ customer_id: order.customer_id, placed_at: placedAt, now })
    const targets = await automations.listAutomationRows({ trigger_type: "order_placed", active_only: true })
    let started = 0
    if (targets.length) {
      const { metadata } = await query.graph({
        entity: "order",
        fields: ["id"],
        filters: { customer_id: order.customer_id, created_at: { $lte: placedAt } },
        pagination: { take: 1, skip: 0 },
      })
      const nth = metadata?.count ?? 1
      for (const automation of targets) {
        if (automation.trigger.type !== "order_placed" || automation.trigger.nth !== nth) continue
        started += await enterAutomation(
          container,
          automation,
          [{ customer_id: order.customer_id, entry_key: `order:${order.id}`, exit_orders_after: placedAt, context: { order_id: order.id } }],
          now
        )
      }
    }
    return new StepResponse({ exited, started })
  }
)
