export { EmailSuppression } from "./email-suppression"
export { MarketingMessage } from "./marketing-message"
