import { createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { trainPropensityModelStep } from "./steps/train-propensity-model"

export type TrainPropensityModelWorkflowInput = { model_id: string; now?: Date }

export const trainPropensityModelWorkflowId = "train-propensity-model"

/** Retrains a propensity model on today's facts and re-scores every customer. */
export const trainPropensityModelWorkflow = createWorkflow(trainPropensityModelWorkflowId, (input: WorkflowData<TrainPropensityModelWorkflowInput>) =>
  new WorkflowResponse(trainPropensityModelStep(input))
)
