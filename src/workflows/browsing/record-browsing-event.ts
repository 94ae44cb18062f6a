import { createWorkflow, transform, when, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import type { BrowsingEventType, BrowsingVisitor, RecordBrowsingResult } from "../../modules/browsing/types"
import { recordBrowsingActivityStep } from "./steps/record-browsing-activity"
import { resolveBrowsingVisitorStep, type ResolveBrowsingVisitorInput } from "./steps/resolve-browsing-visitor"

export type RecordBrowsingEventWorkflowInput = ResolveBrowsingVisitorInput & { type: BrowsingEventType }

/** `stored`: kept; `no_consent`: nothing stored; `rate_limited`: refused. */
export type RecordBrowsingEventResult = { outcome: "stored" | "no_consent" | "rate_limited"; merged: number }

export const recordBrowsingEventWorkflowId = "record-browsing-event"

/**
 * One storefront event: resolves the visitor and their tracking consent (merging an anonymous
 * id into the customer who logged in), then, with consent only, counts it within the visitor's
 * rate limit into their row for the product and day.
 */
export const recordBrowsingEventWorkflow = createWorkflow(recordBrowsingEventWorkflowId, (input: WorkflowData<RecordBrowsingEventWorkflowInput>) => {
  const resolved = resolveBrowsingVisitorStep(input)
  const recorded = when({ resolved }, ({ resolved }) => !!resolved.visitor).then(() =>
    recordBrowsingActivityStep(
      transform({ resolved, input }, ({ resolved, input }) => ({
        visitor: resolved.visitor as BrowsingVisitor,
        type: input.type,
        product_id: input.product_id,
      }))
    )
  )
  const result = transform({ resolved, recorded }, ({ resolved, recorded }): RecordBrowsingEventResult => {
    const outcome = !resolved.visitor ? "no_consent" : (recorded as RecordBrowsingResult | undefined)?.recorded ? "stored" : "rate_limited"
    return { outcome, merged: resolved.merged }
  })
  return new WorkflowResponse(result)
})
