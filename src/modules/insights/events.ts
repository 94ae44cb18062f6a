/** Events the insights workflows emit. */
export const InsightsEvents = {
  /** payload: `{ id }`: a propensity model was defined or asked to retrain; it is trained and scored on the worker. */
  PROPENSITY_TRAINING_REQUESTED: "insights.propensity_training_requested",
} as const

export type PropensityTrainingRequestedPayload = { id: string }
