import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { OrderReversalState } from "../../../modules/loyalty-points/utils/order-reversal-plan"

export type OrderReversalStateInput = {
  order_id: string
  /** The cause is a cancellation (the order may not read as canceled yet). */
  canceled?: boolean
  /** The return whose receipt is being handled: counted even before Medusa marks it received. */
  return_id?: string
}

type ReturnGraph = {
  id: string
  status: string | null
  items?: ({ item_id: string; quantity: unknown; received_quantity: unknown; damaged_quantity: unknown } | null)[] | null
}

/**
 * What happened to an order so far, as Medusa records it now (read only): canceled or not, units
 * returned per line over all its received returns, and money refunded over all its payments.
 */
export const orderReversalStateStep = createStep(
  "order-reversal-state",
  async (input: OrderReversalStateInput, { container }): Promise<StepResponse<OrderReversalState>> => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: orders } = await query.graph({
      entity: "order",
      fields: ["id", "status", "summary.*"],
      filters: { id: input.order_id },
    })
    const order = orders[0] as
      | { status: string; summary?: { refunded_total?: unknown } | null }
      | undefined
    const { data: returns } = await query.graph({
      entity: "return",
      fields: ["id", "status", "items.item_id", "items.quantity", "items.received_quantity", "items.damaged_quantity"],
      filters: { order_id: input.order_id },
    })
    const returned: Record<string, number> = {}
    for (const ret of returns as ReturnGraph[]) {
      if (ret.status === "canceled") {
        continue
      }
      for (const item of ret.items ?? []) {
        if (!item) {
          continue
        }
        const received = Number(item.received_quantity ?? 0) + Number(item.damaged_quantity ?? 0)
        const quantity = received > 0 ? received : ret.id === input.return_id ? Number(item.quantity ?? 0) : 0
        if (quantity > 0) {
          returned[item.item_id] = (returned[item.item_id] ?? 0) + quantity
        }
      }
    }
    return new StepResponse({
      canceled: !!input.canceled || order?.status === "canceled",
      returned_quantities: returned,
      refunded_total: String(order?.summary?.refunded_total ?? 0),
    })
  }
)
