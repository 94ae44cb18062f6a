import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Units received back per order line item in one return. */
export async function returnedQuantities(container: MedusaContainer, returnId: string): Promise<Map<string, number>> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "return",
    fields: ["id", "items.item_id", "items.quantity", "items.received_quantity"],
    filters: { id: returnId },
  })
  const quantities = new Map<string, number>()
  for (const item of data[0]?.items ?? []) {
    if (item) {
      const quantity = Number(item.received_quantity || item.quantity || 0)
      quantities.set(item.item_id, (quantities.get(item.item_id) ?? 0) + quantity)
    }
  }
  return quantities
}
