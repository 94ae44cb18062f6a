export { CustomerCoverage } from "./customer-coverage"
export { Reminder } from "./reminder"
export { ReminderRule } from "./reminder-rule"
