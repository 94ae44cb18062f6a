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
  }
}
