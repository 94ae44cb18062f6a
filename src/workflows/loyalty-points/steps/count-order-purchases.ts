import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type { IssuedPurchaseReward, PurchaseCountEntryInput } from "../../../modules/loyalty-points/types"
import { returnedQuantities } from "../returned-quantities"

export type CountOrderPurchasesInput = {
  order_id: string
  /** placed: count the lines; return: uncount a received return's lines; cancel: uncount all. */
  mode: "placed" | "return" | "cancel"
  return_id?: string
}

type Compensation = { customer_id: string; entries: PurchaseCountEntryInput[]; reward_ids: string[] }

/**
 * Counts (or, for a return or cancellation, uncounts) the order's units of products that have a
 * purchase-count rule, and issues the rewards that became due. Compensation records the opposite
 * entries and cancels the rewards this run issued.
 */
export const countOrderPurchasesStep = createStep(
  "count-order-purchases",
  async (input: CountOrderPurchasesInput, { container }) => {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const rules = await loyalty.listPurchaseRewardRules({ is_active: true })
    const none = new StepResponse({ customer_id: null as string | null, rewards: [] as IssuedPurchaseReward[] }, null as Compensation | null)
    if (!rules.length) {
      return none
    }
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "created_at", "items.id", "items.quantity", "items.detail.quantity", "items.variant_id", "items.product_id", "shipping_address.*"],
      filters: { id: input.order_id },
    })
    const order = data[0]
    if (!order?.customer_id) {
      return none
    }
    const returned = input.mode === "return" && input.return_id ? await returnedQuantities(container, input.return_id) : null
    const entries: PurchaseCountEntryInput[] = []
    for (const item of order.items ?? []) {
      if (!item) continue
      for (const rule of rules) {
        const matches = rule.variant_id ? rule.variant_id === item.variant_id : rule.product_id === item.product_id
        if (!matches) continue
        // The query graph sometimes leaves `quantity` out of order items; the detail row has it.
        const bought = Number(item.quantity ?? item.detail?.quantity ?? 0)
        const quantity =
          input.mode === "placed" ? bought : input.mode === "cancel" ? -bought : -(returned?.get(item.id) ?? 0)
        if (!quantity) continue
        const source = input.mode === "placed" ? `count:${rule.id}:${order.id}` : input.mode === "cancel" ? `uncount:${rule.id}:cancel:${order.id}` : `uncount:${rule.id}:${input.return_id}`
        entries.push({
          rule_id: rule.id,
          quantity,
          idempotency_key: `${source}:${item.id}`,
          order_id: order.id,
          line_item_id: item.id,
          variant_id: item.variant_id,
        })
      }
    }
    if (!entries.length) {
      return none
    }
    const address = order.shipping_address
    const rewards = await loyalty.countPurchases({
      customer_id: order.customer_id,
      occurred_at: input.mode === "placed" ? new Date(order.created_at as string) : new Date(),
      order_id: order.id,
      shipping_address: address
        ? {
            first_name: address.first_name,
            last_name: address.last_name,
            company: address.company,
            address_1: address.address_1,
            address_2: address.address_2,
            city: address.city,
            province: address.province,
            postal_code: address.postal_code,
            country_code: address.country_code,
            phone: address.phone,
          }
        : null,
      entries,
    })
    return new StepResponse(
      { customer_id: order.customer_id as string | null, rewards },
      { customer_id: order.customer_id, entries, reward_ids: rewards.map((r) => r.id) } as Compensation | null
    )
  },
  async (compensation, { container }) => {
    if (!compensation) {
      return
    }
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    if (compensation.reward_ids.length) {
      await loyalty.updatePurchaseRewards(compensation.reward_ids.map((id) => ({ id, status: "cancelled" as const, note: "rolled back" })))
    }
    await loyalty.countPurchases({
      customer_id: compensation.customer_id,
      entries: compensation.entries.map((e) => ({ ...e, quantity: -e.quantity, idempotency_key: `compensate:${e.idempotency_key}` })),
    })
  }
)

