export * from "./loyalty-account"
export * from "./points-allocation"
export * from "./points-lot"
export * from "./points-transaction"
