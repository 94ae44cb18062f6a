import { createStep, createWorkflow, StepResponse, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { BROWSING_MODULE } from "../../modules/browsing"
import type BrowsingModuleService from "../../modules/browsing/service"

/** Deletes activity past the retention and ended rate windows. Deleting is the point: nothing to compensate. */
export const purgeBrowsingActivityStep = createStep("purge-browsing-activity", async (input: { now?: Date | string }, { container }) => {
  const browsing = container.resolve<BrowsingModuleService>(BROWSING_MODULE)
  return new StepResponse(await browsing.purgeExpired({ now: input.now ? new Date(input.now) : undefined }))
})

export const purgeBrowsingActivityWorkflowId = "purge-browsing-activity"

/** The daily purge of browsing activity older than the configured retention. */
export const purgeBrowsingActivityWorkflow = createWorkflow(purgeBrowsingActivityWorkflowId, (input: { now?: Date | string }) => {
  return new WorkflowResponse(purgeBrowsingActivityStep(input))
})
