import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { SpendingLimit, SpendingOrder, SpendingStatus } from "../../../modules/b2b/utils/spending-limit"

export type EmployeeWithLimit = SpendingLimit & { id: string; customer_id: string; role: string }

const ORDERS_PAGE = 200

/** The employee record of a customer (with its limit), or null for a customer of no company. */
export async function findEmployeeOfCustomer(container: MedusaContainer, customerId: string): Promise<EmployeeWithLimit | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "b2b_company_employee",
    fields: ["id", "customer_id", "role", "spending_limit", "spending_limit_currency_code", "spending_limit_period"],
    filters: { customer_id: customerId },
  })
  return (data[0] as EmployeeWithLimit | undefined) ?? null
}

/**
 * Where the employee stands in the current period of their limit, read from Medusa's orders
 * (the source of truth: customer-facts' order_fact is filled by a subscriber and lags behind a
 * checkout). Orders of the customer in the limit's currency since the period began, not canceled
 * and not drafts, net of refunds. No limit: null.
 */
export async function readEmployeeSpending(container: MedusaContainer, employee: EmployeeWithLimit, now: Date = new Date()): Promise<SpendingStatus | null> {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const empty = b2b.spendingInPeriod(employee, [], now)
  if (!empty) {
    return null
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orders: SpendingOrder[] = []
  for (let skip = 0; ; skip += ORDERS_PAGE) {
    const { data } = await query.graph({
      entity: "order",
      fields: ["id", "total", "summary.*"],
      filters: {
        customer_id: employee.customer_id,
        currency_code: empty.currency_code,
        created_at: { $gte: empty.period_start, $lt: empty.period_end },
        status: { $nin: ["canceled", "draft"] },
        is_draft_order: false,
      },
      pagination: { skip, take: ORDERS_PAGE, order: { id: "ASC" } },
    })
    orders.push(...(data as SpendingOrder[]))
    if (data.length < ORDERS_PAGE) {
      break
    }
  }
  return b2b.spendingInPeriod(employee, orders, now)
}
