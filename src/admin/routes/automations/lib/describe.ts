import type { AutomationStep, AutomationTrigger } from "./types"

/** A trigger in words, for the list and the editor. */
export function describeTrigger(t: AutomationTrigger): string {
  switch (t.type) {
    case "cart_abandoned":
      return `Cart abandoned for ${t.hours} h`
    case "win_back":
      return `No order for ${t.days} days`
    case "segment_entered":
      return `Entered segment ${t.segment_id}`
    case "segment_exited":
      return `Left segment ${t.segment_id}`
    case "order_placed":
      return t.nth === 1 ? "First order placed" : `Order number ${t.nth} placed`
    case "tier_changed":
      return `Loyalty tier changed${t.direction ? ` ${t.direction}` : ""}${t.tier_id ? ` into ${t.tier_id}` : ""}`
    case "points_expiring":
      return `Points expiring within ${t.days} days`
    case "anniversary":
      return t.date === "signup" ? "Sign-up anniversary" : `Anniversary of metadata.${t.metadata_key}`
    case "viewed_not_bought":
      return `Viewed, not bought within ${t.hours} h`
    case "referral_converted":
      return `Referral converted (the ${t.side ?? "referrer"} enters)`
  }
}

/** A step in words, for the vertical flow. */
export function describeStep(s: AutomationStep): string {
  switch (s.type) {
    case "wait":
      return `Wait ${s.amount} ${s.unit}`
    case "send_email":
      return `Send e-mail "${s.template}"`
    case "issue_promotion":
      return s.percentage !== undefined ? `Issue a single-use ${s.percentage} % code` : `Issue a single-use ${s.amount} ${s.currency_code?.toUpperCase()} code`
    case "adjust_points":
      return s.points > 0 ? `Add ${s.points} points` : `Take ${-s.points} points`
    case "add_to_group":
      return `Add to customer group ${s.customer_group_id}`
    case "split":
      return `If ${describeCondition(s.condition)}: ${s.yes.length} step(s), else ${s.no.length}`
    case "end":
      return "End the journey"
  }
}

/** A split's condition in a few words: the fields it tests (the JSON is in the card). */
function describeCondition(node: Record<string, unknown>): string {
  const fields = new Set<string>()
  const visit = (n: unknown) => {
    if (!n || typeof n !== "object") return
    const o = n as Record<string, unknown>
    if (typeof o.field === "string") fields.add(o.field.replace(/_/g, " "))
    for (const key of ["and", "or"]) if (Array.isArray(o[key])) (o[key] as unknown[]).forEach(visit)
    if (o.not) visit(o.not)
  }
  visit(node)
  return fields.size ? [...fields].join(", ") : "the condition"
}

/** A path of the tree in words: `steps[1].no[0]` → "step 2 › no › step 1". */
export function placeLabel(path: string): string {
  return [...path.matchAll(/(?:^steps|\.(yes|no))\[(\d+)\]/g)].map(([, branch, index]) => `${branch ? `${branch} › ` : ""}step ${Number(index) + 1}`).join(" › ")
}

/** The step a path of the tree names (`steps[1].no[0]`), if any. */
export function stepAtPath(steps: AutomationStep[], path: string): AutomationStep | undefined {
  let list: AutomationStep[] | undefined = steps
  let step: AutomationStep | undefined
  for (const [, branch, index] of path.matchAll(/(?:^steps|\.(yes|no))\[(\d+)\]/g)) {
    if (branch) list = step?.type === "split" ? step[branch as "yes" | "no"] : undefined
    step = list?.[Number(index)]
  }
  return step
}
