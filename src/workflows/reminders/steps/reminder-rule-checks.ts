import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type { ReminderRuleChangedPayload } from "../../../modules/reminders/events"
import type RemindersModuleService from "../../../modules/reminders/service"

/** The fields of a rule its checks read: what it covers and whether it is active. */
export type ReminderRuleTargets = {
  id?: string
  product_id: string
  variant_id?: string | null
  substitute_product_ids?: string[]
  substitute_variant_ids?: string[]
  is_active?: boolean
}

export const RULE_TARGET_FIELDS = ["id", "product_id", "variant_id", "substitute_product_ids", "substitute_variant_ids", "is_active"] as const

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/**
 * Refuses rules (as they will be stored) that refer to products or variants that do not exist,
 * a variant of another product, a substitute that is the rule's own product or variant, or that
 * would be a second active rule for what another active rule covers: one rule per product, or one
 * per variant of it, never both (a purchase would count in two rules and get two reminders).
 */
export async function assertReminderRules(container: MedusaContainer, rules: ReminderRuleTargets[]): Promise<void> {
  if (!rules.length) {
    return
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const productIds = [...new Set(rules.flatMap((r) => [r.product_id, ...(r.substitute_product_ids ?? [])]))]
  const variantIds = [...new Set(rules.flatMap((r) => [r.variant_id, ...(r.substitute_variant_ids ?? [])]).filter((id): id is string => !!id))]
  const { data: products } = await query.graph({ entity: "product", fields: ["id"], filters: { id: productIds } })
  const variants: { id: string; product_id: string | null }[] = variantIds.length
    ? (await query.graph({ entity: "product_variant", fields: ["id", "product_id"], filters: { id: variantIds } })).data
    : []
  const knownProducts = new Set(products.map((p) => p.id))
  const productOf = new Map(variants.map((v) => [v.id, v.product_id]))

  for (const rule of rules) {
    if (!knownProducts.has(rule.product_id)) {
      throw invalid(`product_id: no product with id "${rule.product_id}"`)
    }
    if (rule.variant_id) {
      if (!productOf.has(rule.variant_id)) {
        throw invalid(`variant_id: no variant with id "${rule.variant_id}"`)
      }
      if (productOf.get(rule.variant_id) !== rule.product_id) {
        throw invalid(`variant_id: variant "${rule.variant_id}" belongs to product "${productOf.get(rule.variant_id)}", not "${rule.product_id}"`)
      }
    }
    for (const id of rule.substitute_product_ids ?? []) {
      if (!knownProducts.has(id)) {
        throw invalid(`substitute_product_ids: no product with id "${id}"`)
      }
      if (!rule.variant_id && id === rule.product_id) {
        throw invalid(`substitute_product_ids: "${id}" is the rule's own product`)
      }
    }
    for (const id of rule.substitute_variant_ids ?? []) {
      if (!productOf.has(id)) {
        throw invalid(`substitute_variant_ids: no variant with id "${id}"`)
      }
      if (id === rule.variant_id) {
        throw invalid(`substitute_variant_ids: "${id}" is the rule's own variant`)
      }
    }
  }
  await assertOneActiveRule(container, rules)
}

/** One active rule per product (all its variants) or per variant; checked among the input too. */
async function assertOneActiveRule(container: MedusaContainer, rules: ReminderRuleTargets[]) {
  const active = rules.filter((r) => r.is_active !== false)
  if (!active.length) {
    return
  }
  const changing = new Set(rules.map((r) => r.id).filter(Boolean))
  const stored = await container
    .resolve<RemindersModuleService>(REMINDERS_MODULE)
    .listReminderRules({ product_id: [...new Set(active.map((r) => r.product_id))], is_active: true }, { select: ["id", "product_id", "variant_id"] })
  const others: { id?: string; product_id: string; variant_id?: string | null }[] = stored.filter((r) => !changing.has(r.id))
  for (const rule of active) {
    const clash = others.find(
      (other) => other.product_id === rule.product_id && (!other.variant_id || !rule.variant_id || other.variant_id === rule.variant_id)
    )
    if (clash) {
      const by = clash.id ? ` (${clash.id})` : " in this request"
      if (!rule.variant_id) {
        throw invalid(`product_id: product "${rule.product_id}" already has an active reminder rule${by}`)
      }
      throw invalid(
        clash.variant_id
          ? `variant_id: variant "${rule.variant_id}" already has an active reminder rule${by}`
          : `variant_id: product "${rule.product_id}" already has an active reminder rule for all its variants${by}`
      )
    }
    others.push(rule)
  }
}

/** What a rule covers, as the rule-changed event carries it: its product and variant, substitutes included. */
export function ruleTargetsOf(rules: ReminderRuleTargets[]): Pick<ReminderRuleChangedPayload, "product_ids" | "variant_ids"> {
  return {
    product_ids: [...new Set(rules.flatMap((r) => (r.variant_id ? [] : [r.product_id]).concat(r.substitute_product_ids ?? [])))].sort(),
    variant_ids: [...new Set(rules.flatMap((r) => (r.variant_id ? [r.variant_id] : []).concat(r.substitute_variant_ids ?? [])))].sort(),
  }
}
