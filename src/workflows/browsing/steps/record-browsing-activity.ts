import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BROWSING_MODULE } from "../../../modules/browsing"
import type BrowsingModuleService from "../../../modules/browsing/service"
import type { BrowsingEventType, BrowsingVisitor, RecordBrowsingResult } from "../../../modules/browsing/types"

/** Adds the event to the visitor's day row within the rate limit; compensation takes it back. */
export const recordBrowsingActivityStep = createStep(
  "record-browsing-activity",
  async (input: { visitor: BrowsingVisitor; type: BrowsingEventType; product_id: string }, { container }) => {
    const result: RecordBrowsingResult = await container.resolve<BrowsingModuleService>(BROWSING_MODULE).recordActivity(input)
    return new StepResponse(result, result.recorded ? result : null)
  },
  async (recorded, { container }) => {
    if (!recorded) {
      return
    }
    await container.resolve<BrowsingModuleService>(BROWSING_MODULE).unrecordActivity(recorded)
  }
)
