export * from "./purge-browsing-activity"
export * from "./record-browsing-event"
