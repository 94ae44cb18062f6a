import { defineMiddlewares } from "@medusajs/framework/http"
import { adminHistoryImportsMiddlewares } from "./admin/customer-facts/imports/middlewares"
import { adminB2bMiddlewares } from "./admin/b2b/middlewares"
import { adminAutomationsMiddlewares } from "./admin/automations/middlewares"
import { adminEmailCampaignsMiddlewares } from "./admin/email-campaigns/middlewares"
import { adminInsightsReportsMiddlewares } from "./admin/insights/reports/middlewares"
import { adminInsightsMiddlewares } from "./admin/insights/middlewares"
import { adminLoyaltyMiddlewares } from "./admin/loyalty/middlewares"
import { adminRemindersMiddlewares } from "./admin/reminders/middlewares"
import { adminSegmentsMiddlewares } from "./admin/segments/middlewares"
import { storeB2bMiddlewares } from "./store/b2b/middlewares"
import { storeBrowsingEventsMiddlewares } from "./store/browsing-events/middlewares"
import { storeInsightsMiddlewares } from "./store/insights/middlewares"
import { storeLoyaltyMiddlewares } from "./store/loyalty/middlewares"
import { storeMarketingConsentMiddlewares } from "./store/marketing-consent/middlewares"
import { storeRemindersMiddlewares } from "./store/reminders/middlewares"
import { storeSegmentsMiddlewares } from "./store/segments/middlewares"
import { webhookMiddlewares } from "./webhooks/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminLoyaltyMiddlewares,
    ...adminSegmentsMiddlewares,
    ...adminHistoryImportsMiddlewares,
    ...adminEmailCampaignsMiddlewares,
    ...adminAutomationsMiddlewares,
    ...adminInsightsReportsMiddlewares,
    ...storeLoyaltyMiddlewares,
    ...storeBrowsingEventsMiddlewares,
    ...storeSegmentsMiddlewares,
    ...storeMarketingConsentMiddlewares,
    ...adminRemindersMiddlewares,
    ...adminInsightsMiddlewares,
    ...storeInsightsMiddlewares,
    ...storeRemindersMiddlewares,
    ...adminB2bMiddlewares,
    ...storeB2bMiddlewares,
    ...webhookMiddlewares,
  ],
})
