import { model } from "@medusajs/framework/utils"

export const CHURN_RISK_LEVELS = ["low", "medium", "high"] as const

/**
 * One row per customer: the attributes and order aggregates every domain reads (segments,
 * reminders, campaigns, insights). A projection of Medusa's customers and orders plus imported
 * history, rebuilt per customer from the sources (so a replayed event changes nothing); rows are
 * replaced, never soft-deleted, so the indexes are not scoped to deleted_at.
 */
export const CustomerFact = model
  .define("customer_fact", {
    id: model.id({ prefix: "cfact" }).primaryKey(),
    customer_id: model.text(),
    email: model.text().nullable(),
    email_domain: model.text().nullable(),
    first_name: model.text().nullable(),
    last_name: model.text().nullable(),
    has_account: model.boolean().default(false),
    customer_created_at: model.dateTime().nullable(),
    group_ids: model.array().default([]),
    metadata: model.json().nullable(),
    /** Of the default shipping address, else the most recent one. */
    country_code: model.text().nullable(),
    province: model.text().nullable(),
    city: model.text().nullable(),
    postal_code: model.text().nullable(),
    email_marketing_consent: model.boolean().default(false),
    sms_marketing_consent: model.boolean().default(false),
    tracking_consent: model.boolean().default(false),
    /** Orders not canceled, Medusa's and imported ones. */
    order_count: model.number().default(0),
    first_order_at: model.dateTime().nullable(),
    last_order_at: model.dateTime().nullable(),
    /** The currency the customer spent most in; monetary facts and the M score use it. */
    main_currency_code: model.text().nullable(),
    total_spent: model.bigNumber().nullable(),
    average_order_value: model.bigNumber().nullable(),
    /** RFM scores 1–5 by quintile (5 = most recent / most frequent / highest spend); null without orders. */
    r_score: model.number().nullable(),
    f_score: model.number().nullable(),
    m_score: model.number().nullable(),
    /**
     * Days between the customer's orders: the median gap between their distinct order days, or the
     * store's typical gap (store_order_gap) with fewer than two; null without orders.
     */
    expected_order_gap_days: model.float().nullable(),
    /** last_order_at + expected_order_gap_days. */
    expected_next_order_at: model.dateTime().nullable(),
    /** Whole days since the last order, as of the (UTC) day of the last refresh, over the expected gap: 1 = due today. */
    churn_risk_ratio: model.float().nullable(),
    /** The ratio's band (low below 1, medium below 2, high from 2); refreshed nightly because it moves with time. */
    churn_risk: model.enum([...CHURN_RISK_LEVELS]).nullable(),
    points_balance: model.number().default(0),
    tier_id: model.text().nullable(),
    refreshed_at: model.dateTime(),
  })
  .indexes([
    { on: ["customer_id"], unique: true, where: null },
    { on: ["country_code"], where: null },
    { on: ["email_domain"], where: null },
    { on: ["last_order_at"], where: null },
    { on: ["churn_risk"], where: null },
    { on: ["group_ids"], type: "GIN", where: null },
  ])
