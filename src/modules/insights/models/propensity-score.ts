import { model } from "@medusajs/framework/utils"

/** A customer's score under a propensity model, and their rank (1 = most likely). Replaced whole on each scoring. */
export const PropensityScore = model
  .define("insights_propensity_score", {
    id: model.id({ prefix: "ipsc" }).primaryKey(),
    model_id: model.text(),
    customer_id: model.text(),
    score: model.float(),
    rank: model.number(),
  })
  .indexes([
    { on: ["model_id", "customer_id"], unique: true, where: null },
    { on: ["model_id", "rank"], where: null },
  ])
