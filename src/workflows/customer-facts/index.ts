export * from "./backfill-customer-facts"
export * from "./recompute-rfm"
export * from "./refresh-customer-facts"
