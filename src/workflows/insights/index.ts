export * from "./compute-co-purchases"
