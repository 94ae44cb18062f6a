import type { MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { LOYALTY_POINTS_MODULE } from "../../../../modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../../modules/loyalty-points/service"
import { GIFT_SHIPMENT_EXPORT_PAGE_SIZE, GIFT_SHIPMENT_FIELDS } from "./query-config"
import type { GiftShipment, GiftShipmentRow, GiftShipmentStatus, GiftShipmentWithVariant, GiftVariant } from "./types"

export type { GiftShipment, GiftShipmentRow, GiftShipmentWithVariant, GiftVariant }

/**
 * Returns a function that adds customer and rule (and, unless `giftVariants` is false, the gift
 * variant) to a page of gift shipments. Rules and variants repeat from page to page, so the loader
 * caches them; deleted rules and variants are still named.
 */
export function createGiftShipmentLoader(scope: MedusaContainer, { giftVariants = true } = {}) {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const rules = new Map<string, { id: string; name: string }>()
  const variants = new Map<string, GiftVariant>()

  const missing = (ids: (string | null)[], cache: Map<string, unknown>) =>
    [...new Set(ids.filter((id): id is string => !!id && !cache.has(id)))]

  return async function load(rows: GiftShipmentRow[]): Promise<GiftShipmentWithVariant[]> {
    const customerIds = [...new Set(rows.map((row) => row.customer_id))]
    const ruleIds = missing(rows.map((row) => row.rule_id), rules)
    const variantIds = giftVariants ? missing(rows.map((row) => row.gift_variant_id), variants) : []
    const [customers, newRules, newVariants] = await Promise.all([
      customerIds.length
        ? query.graph({ entity: "customer", fields: ["id", "email", "first_name", "last_name"], filters: { id: customerIds } })
        : { data: [] },
      ruleIds.length
        ? query.graph({ entity: "purchase_reward_rule", fields: ["id", "name"], filters: { id: ruleIds }, withDeleted: true })
        : { data: [] },
      variantIds.length
        ? query.graph({
            entity: "product_variant",
            fields: ["id", "sku", "title", "product.title"],
            filters: { id: variantIds },
            withDeleted: true,
          })
        : { data: [] },
    ])
    for (const rule of newRules.data as { id: string; name: string }[]) {
      rules.set(rule.id, { id: rule.id, name: rule.name })
    }
    for (const variant of newVariants.data as { id: string; sku: string | null; title: string | null; product?: { title: string | null } | null }[]) {
      variants.set(variant.id, { sku: variant.sku, title: variant.title, product_title: variant.product?.title ?? null })
    }
    const customerById = new Map(
      (customers.data as { id: string; email: string | null; first_name: string | null; last_name: string | null }[]).map(
        (c) => [c.id, { email: c.email ?? null, first_name: c.first_name ?? null, last_name: c.last_name ?? null }]
      )
    )
    return rows.map((row) => ({
      id: row.id,
      customer_id: row.customer_id,
      customer: customerById.get(row.customer_id) ?? null,
      rule: rules.get(row.rule_id) ?? null,
      sequence: row.sequence,
      gift_variant_id: row.gift_variant_id,
      gift_quantity: row.gift_quantity,
      shipping_address: row.shipping_address,
      status: row.status,
      order_id: row.order_id,
      created_at: row.created_at,
      fulfilled_at: row.fulfilled_at,
      gift_variant: row.gift_variant_id ? variants.get(row.gift_variant_id) ?? null : null,
    }))
  }
}

/** Drops the export-only gift variant from a shipment. */
export function toGiftShipment({ gift_variant: _giftVariant, ...shipment }: GiftShipmentWithVariant): GiftShipment {
  return shipment
}

/**
 * Walks the gift shipments in id order (ids are time-ordered, so oldest first), one page at a
 * time: keyset on the id, so a page costs the same however deep the export is and a row written
 * meanwhile is neither skipped nor repeated.
 */
export async function* giftShipmentPages(
  scope: MedusaContainer,
  filters: { status?: GiftShipmentStatus[]; ids?: string[] },
  pageSize = GIFT_SHIPMENT_EXPORT_PAGE_SIZE
): AsyncGenerator<GiftShipmentRow[]> {
  const loyalty = scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  let after: string | undefined
  for (;;) {
    const id: Record<string, unknown> = {}
    if (filters.ids) {
      id.$in = filters.ids
    }
    if (after) {
      id.$gt = after
    }
    const rows = (await loyalty.listPurchaseRewards(
      {
        reward_type: "gift_shipment",
        ...(filters.status ? { status: filters.status } : {}),
        ...(Object.keys(id).length ? { id } : {}),
      },
      { select: GIFT_SHIPMENT_FIELDS, take: pageSize, order: { id: "ASC" } }
    )) as GiftShipmentRow[]
    if (rows.length) {
      yield rows
    }
    if (rows.length < pageSize) {
      return
    }
    after = rows[rows.length - 1].id
  }
}

/** Throws NOT_FOUND naming the ids that are not gift shipments. */
export async function assertGiftShipmentsExist(scope: MedusaContainer, ids: string[]) {
  const loyalty = scope.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
  const unique = [...new Set(ids)]
  const found = await loyalty.listPurchaseRewards({ id: unique, reward_type: "gift_shipment" }, { select: ["id"] })
  const known = new Set(found.map((row) => row.id))
  const missing = unique.filter((id) => !known.has(id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Gift shipments not found: ${missing.join(", ")}`)
  }
}

/**
 * Streams a document made of a head, one chunk per page and a tail (computed at the end), waiting for the client to
 * drain each chunk. Errors before the first byte reach Medusa's error handler (a JSON error);
 * later ones abort the connection, so a truncated file is never mistaken for a complete one.
 */
export async function streamDocument(
  res: MedusaResponse,
  headers: Record<string, string>,
  parts: { head: string; pages: AsyncIterable<string>; tail: () => string }
) {
  const iterator = parts.pages[Symbol.asyncIterator]()
  let next = await iterator.next()
  for (const [name, value] of Object.entries(headers)) {
    res.setHeader(name, value)
  }
  res.status(200)
  try {
    await write(res, parts.head)
    while (!next.done) {
      if (res.destroyed) {
        await iterator.return?.(undefined)
        return
      }
      await write(res, next.value)
      next = await iterator.next()
    }
    res.end(parts.tail())
  } catch (error) {
    res.destroy(error as Error)
  }
}

async function write(res: MedusaResponse, chunk: string) {
  if (!chunk || res.write(chunk)) {
    return
  }
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done)
      res.off("close", done)
      resolve()
    }
    res.on("drain", done)
    res.on("close", done)
    if (res.destroyed) {
      done()
    }
  })
}
