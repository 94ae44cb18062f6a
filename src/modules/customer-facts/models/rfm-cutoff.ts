import { model } from "@medusajs/framework/utils"

export const RFM_DIMENSIONS = ["recency", "frequency", "monetary"] as const

/**
 * The quintile boundaries the RFM scores were given by (four ascending values): last order time
 * in epoch seconds (recency), order count (frequency), spend in one currency (monetary, per
 * currency). Stored so one customer's scores after an event use the same boundaries as everyone's.
 */
export const RfmCutoff = model
  .define("rfm_cutoff", {
    id: model.id({ prefix: "rfmc" }).primaryKey(),
    dimension: model.enum([...RFM_DIMENSIONS]),
    /** Empty for recency and frequency. */
    currency_code: model.text().default(""),
    cutoffs: model.json(),
    computed_at: model.dateTime(),
  })
  .indexes([{ on: ["dimension", "currency_code"], unique: true }])
