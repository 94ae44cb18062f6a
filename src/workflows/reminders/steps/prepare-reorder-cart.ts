import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { linkSecret } from "../../../lib/link-secret"
import { verifyToken } from "../../../lib/signed-token"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"
import { REORDER_TOKEN_PURPOSE } from "./send-due-reminders"

export type NewReorderCart = {
  reminder_id: string
  customer_id: string
  email: string | null
  region_id: string
  sales_channel_id: string | null
  shipping_address: Record<string, unknown> | null
  items: { variant_id: string; quantity: number }[]
}

/** Either the cart the link made before, or the cart to make. */
export type ReorderCartPlan = { existing_cart_id: string | null; cart: NewReorderCart | null }

/**
 * Reads a one-click reorder link: a tampered, expired or foreign token is a 400 (never someone
 * else's cart). Plans the cart from the customer's last purchase of what the reminder is about,
 * in the region and sales channel of that order; a cart this link made before and not yet
 * completed is reused. Reads only.
 */
export const prepareReorderCartStep = createStep("prepare-reorder-cart", async (input: { token: string }, { container }) => {
  const payload = verifyToken(linkSecret(), REORDER_TOKEN_PURPOSE, input.token)
  const reminders = container.resolve<RemindersModuleService>(REMINDERS_MODULE)
  const [reminder] = await reminders.listReminders({ id: String(payload.r) })
  if (!reminder || reminder.customer_id !== payload.c) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token: this reorder link is no longer valid")
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if (reminder.reorder_cart_id) {
    const { data: carts } = await query.graph({ entity: "cart", fields: ["id", "completed_at"], filters: { id: reminder.reorder_cart_id } })
    if (carts[0] && !carts[0].completed_at) {
      return new StepResponse<ReorderCartPlan>({ existing_cart_id: carts[0].id, cart: null })
    }
  }
  const [coverage] = await reminders.listCustomerCoverages({ customer_id: reminder.customer_id, rule_id: reminder.rule_id })
  if (!coverage?.last_variant_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token: there is nothing to reorder for this reminder")
  }
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "email", "region_id", "sales_channel_id", "created_at", "items.variant_id", "shipping_address.*"],
    filters: { customer_id: reminder.customer_id },
    pagination: { order: { created_at: "DESC" }, take: 20 },
  })
  const last = orders.find((o) => (o.items ?? []).some((i) => i?.variant_id === coverage.last_variant_id)) ?? orders[0]
  if (!last?.region_id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token: no earlier order to reorder from")
  }
  const address = last.shipping_address
  const cart: NewReorderCart = {
    reminder_id: reminder.id,
    customer_id: reminder.customer_id,
    email: last.email ?? null,
    region_id: last.region_id,
    sales_channel_id: last.sales_channel_id ?? null,
    shipping_address: address
      ? {
          first_name: address.first_name,
          last_name: address.last_name,
          address_1: address.address_1,
          address_2: address.address_2,
          city: address.city,
          postal_code: address.postal_code,
          province: address.province,
          country_code: address.country_code,
          phone: address.phone,
        }
      : null,
    items: [{ variant_id: coverage.last_variant_id, quantity: Math.max(1, coverage.last_quantity ?? 1) }],
  }
  return new StepResponse<ReorderCartPlan>({ existing_cart_id: null, cart })
})
