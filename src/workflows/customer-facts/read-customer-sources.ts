import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { LOYALTY_POINTS_MODULE } from "../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../modules/loyalty-points/service"
import type { ConsentInput, CustomerFactsSnapshot } from "../../modules/customer-facts/types"
import {
  CUSTOMER_SOURCE_FIELDS,
  metadataConsent,
  ORDER_SOURCE_FIELDS,
  orderCounts,
  toCustomerAttributes,
  toOrderFact,
  type CustomerGraph,
  type OrderGraph,
} from "../../modules/customer-facts/utils/medusa-sources"

/** Customers whose orders are read in one query-graph call. */
const ORDER_READ_CHUNK = 100

/**
 * Reads everything the facts hold about these customers from Medusa (customer, addresses,
 * groups, orders) and the loyalty module (balance, tier). Customers Medusa no longer has are
 * listed as removed.
 */
export async function readCustomerSources(container: MedusaContainer, customerIds: string[]): Promise<CustomerFactsSnapshot> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const ids = [...new Set(customerIds)]
  const { data: customers } = await query.graph({ entity: "customer", fields: CUSTOMER_SOURCE_FIELDS, filters: { id: ids } })
  const found = new Set((customers as CustomerGraph[]).map((c) => c.id))
  const present = ids.filter((id) => found.has(id))
  const orders: OrderGraph[] = []
  for (let i = 0; i < present.length; i += ORDER_READ_CHUNK) {
    const { data } = await query.graph({
      entity: "order",
      fields: ORDER_SOURCE_FIELDS,
      filters: { customer_id: present.slice(i, i + ORDER_READ_CHUNK) },
    })
    orders.push(...(data as OrderGraph[]))
  }
  const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const accounts = present.length
    ? await loyalty.listLoyaltyAccounts({ customer_id: present }, { select: ["customer_id", "points_balance", "tier_id"] })
    : []
  const accountByCustomer = new Map(accounts.map((a) => [a.customer_id, a]))
  return {
    customers: (customers as CustomerGraph[]).map(toCustomerAttributes),
    orders: orders.filter(orderCounts).map(toOrderFact),
    removed_customer_ids: ids.filter((id) => !found.has(id)),
    metadata_consents: (customers as CustomerGraph[]).map(metadataConsent).filter((c): c is ConsentInput => !!c),
    loyalty: present.map((id) => ({
      customer_id: id,
      points_balance: accountByCustomer.get(id)?.points_balance ?? 0,
      tier_id: accountByCustomer.get(id)?.tier_id ?? null,
    })),
  }
}
