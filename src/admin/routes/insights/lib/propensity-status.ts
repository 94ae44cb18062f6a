import type { PropensityStatus } from "./types"

/** The badge colour of a model's status. */
export const propensityStatusColor = (status: PropensityStatus) =>
  status === "completed" ? "green" : status === "failed" ? "red" : status === "running" ? "blue" : "grey"
