export * from "./loyalty-points"
export * from "./customer-facts"
export * from "./segments"
