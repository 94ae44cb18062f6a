import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { InsightsEvents, type PropensityTrainingRequestedPayload } from "../modules/insights/events"
import { trainPropensityModelWorkflow } from "../workflows/insights/train-propensity-model"

/** A propensity model was defined or asked to retrain → trained, evaluated and scored on the worker (a replay retrains: same result). */
export default async function insightsPropensityTrainingRequested({ event, container }: SubscriberArgs<PropensityTrainingRequestedPayload>) {
  await trainPropensityModelWorkflow(container).run({ input: { model_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: InsightsEvents.PROPENSITY_TRAINING_REQUESTED,
  context: { subscriberId: "insights-propensity-training-requested" },
}
