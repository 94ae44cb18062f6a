export * from "./create-reorder-cart"
export * from "./learn-reminder-cycles"
export * from "./send-due-reminders"
export * from "./sync-customer-reminders"
