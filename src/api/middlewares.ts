import { defineMiddlewares } from "@medusajs/framework/http"
import { adminHistoryImportsMiddlewares } from "./admin/customer-facts/imports/middlewares"
import { adminLoyaltyMiddlewares } from "./admin/loyalty/middlewares"
import { adminRemindersMiddlewares } from "./admin/reminders/middlewares"
import { adminSegmentsMiddlewares } from "./admin/segments/middlewares"
import { storeLoyaltyMiddlewares } from "./store/loyalty/middlewares"
import { storeRemindersMiddlewares } from "./store/reminders/middlewares"
import { storeSegmentsMiddlewares } from "./store/segments/middlewares"

export default defineMiddlewares({
  routes: [...adminLoyaltyMiddlewares, ...adminSegmentsMiddlewares, ...adminHistoryImportsMiddlewares, ...storeLoyaltyMiddlewares, ...storeSegmentsMiddlewares, ...adminRemindersMiddlewares, ...storeRemindersMiddlewares],
})
