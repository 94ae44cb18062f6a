import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../modules/loyalty-points/service"
import type {
  GiftShipmentRow,
  GiftShipmentStatus,
  GiftShipmentWithVariant,
  GiftVariant,
} from "../../../modules/loyalty-points/types"

/** The reward fields a gift shipment is made of; customer, rule and gift variant are looked up beside them. */
export const GIFT_SHIPMENT_FIELDS = [
  "id",
  "customer_id",
  "rule_id",
  "sequence",
  "gift_variant_id",
  "gift_quantity",
  "shipping_address",
  "status",
  "order_id",
  "created_at",
  "fulfilled_at",
]

export type ListGiftShipmentsInput = {
  status?: GiftShipmentStatus[]
  /** Only these; every one must be a gift shipment (NOT_FOUND names the others). */
  ids?: string[]
  limit: number
  /** Offset paging, oldest first, with a count (the queue's pages). */
  offset?: number
  /**
   * Keyset paging by id instead (exports walking the whole queue): the shipments after this id,
   * null for the first page. Ids are time-ordered, so this too is oldest first.
   */
  after?: string | null
  /** Look up the gift variant's SKU and title too (packing list, labels). */
  gift_variants?: boolean
}

/** `count` is the number of matching shipments for offset paging, null for keyset paging. */
export type ListGiftShipmentsOutput = { gift_shipments: GiftShipmentWithVariant[]; count: number | null }

/**
 * A page of the gift-shipment queue with what the admin needs beside each reward: the customer,
 * the rule (deleted rules still named) and, if asked, the gift variant (deleted ones too).
 * Read only: nothing to compensate.
 */
export const listGiftShipmentsStep = createStep(
  "list-gift-shipments",
  async (input: ListGiftShipmentsInput, { container }) => {
    const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
    if (input.ids && !input.after) {
      await assertGiftShipmentsExist(loyalty, input.ids)
    }
    const keyset = input.after !== undefined
    const id: Record<string, unknown> = {}
    if (input.ids) {
      id.$in = input.ids
    }
    if (input.after) {
      id.$gt = input.after
    }
    const filters = {
      reward_type: "gift_shipment" as const,
      ...(input.status ? { status: input.status } : {}),
      ...(Object.keys(id).length ? { id } : {}),
    }
    const [rows, count] = keyset
      ? [await loyalty.listPurchaseRewards(filters, { select: GIFT_SHIPMENT_FIELDS, take: input.limit, order: { id: "ASC" } }), null]
      : await loyalty.listAndCountPurchaseRewards(filters, {
          select: GIFT_SHIPMENT_FIELDS,
          take: input.limit,
          skip: input.offset ?? 0,
          order: { created_at: "ASC", id: "ASC" },
        })
    const gift_shipments = await withCustomersAndRules(container, rows as GiftShipmentRow[], !!input.gift_variants)
    return new StepResponse<ListGiftShipmentsOutput>({ gift_shipments, count })
  }
)

async function assertGiftShipmentsExist(loyalty: LoyaltyPointsModuleService, ids: string[]) {
  const unique = [...new Set(ids)]
  const found = await loyalty.listPurchaseRewards({ id: unique, reward_type: "gift_shipment" }, { select: ["id"] })
  const known = new Set(found.map((row) => row.id))
  const missing = unique.filter((id) => !known.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Gift shipments not found: ${missing.join(", ")}`)
  }
}

async function withCustomersAndRules(
  container: MedusaContainer,
  rows: GiftShipmentRow[],
  giftVariants: boolean
): Promise<GiftShipmentWithVariant[]> {
  if (!rows.length) {
    return []
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const unique = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => !!id))]
  const variantIds = giftVariants ? unique(rows.map((row) => row.gift_variant_id)) : []
  const [customers, rules, variants] = await Promise.all([
    query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: unique(rows.map((r) => r.customer_id)) } }),
    query.graph({ entity: "purchase_reward_rule", fields: ["id", "name"], filters: { id: unique(rows.map((r) => r.rule_id)) }, withDeleted: true }),
    variantIds.length
      ? query.graph({ entity: "product_variant", fields: ["id", "sku", "title", "product.title"], filters: { id: variantIds }, withDeleted: true })
      : { data: [] },
  ])
  const customerById = new Map(
    (customers.data as { id: string; email: string | null; first_name: string | null; last_name: string | null }[]).map((c) => [
      c.id,
      { email: c.email ?? null, first_name: c.first_name ?? null, last_name: c.last_name ?? null },
    ])
  )
  const ruleById = new Map((rules.data as { id: string; name: string }[]).map((r) => [r.id, { id: r.id, name: r.name }]))
  const variantById = new Map<string, GiftVariant>(
    (variants.data as { id: string; sku: string | null; title: string | null; product?: { title: string | null } | null }[]).map((v) => [
      v.id,
      { sku: v.sku, title: v.title, product_title: v.product?.title ?? null },
    ])
  )
  return rows.map(({ rule_id, ...row }) => ({
    ...row,
    customer: customerById.get(row.customer_id) ?? null,
    rule: ruleById.get(rule_id) ?? null,
    gift_variant: row.gift_variant_id ? variantById.get(row.gift_variant_id) ?? null : null,
  }))
}
