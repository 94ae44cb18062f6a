export * from "./compute-co-purchases"
export * from "./create-upgrade-paths"
export * from "./update-upgrade-paths"
export * from "./delete-upgrade-paths"
