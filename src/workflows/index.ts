export * from "./loyalty-points"
