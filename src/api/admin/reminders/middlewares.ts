import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listReminderRulesQueryConfig, retrieveReminderRuleQueryConfig } from "./query-config"
import {
  AdminCreateReminderRule,
  AdminCycleSuggestionParams,
  AdminReminderReportParams,
  AdminReminderRuleParams,
  AdminReminderRulesParams,
  AdminRunReminders,
  AdminUpcomingExportParams,
  AdminUpcomingRemindersParams,
  AdminUpdateReminderRule,
} from "./validators"

export const adminRemindersMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/reminders/rules",
    middlewares: [validateAndTransformQuery(AdminReminderRulesParams, listReminderRulesQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/reminders/rules",
    middlewares: [validateAndTransformBody(AdminCreateReminderRule), validateAndTransformQuery(AdminReminderRuleParams, retrieveReminderRuleQueryConfig)],
  },
  {
    methods: ["GET"],
    matcher: "/admin/reminders/rules/:id",
    middlewares: [validateAndTransformQuery(AdminReminderRuleParams, retrieveReminderRuleQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/reminders/rules/:id",
    middlewares: [validateAndTransformBody(AdminUpdateReminderRule), validateAndTransformQuery(AdminReminderRuleParams, retrieveReminderRuleQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/reminders/cycle-suggestion", middlewares: [validateAndTransformQuery(AdminCycleSuggestionParams, {})] },
  { methods: ["GET"], matcher: "/admin/reminders/upcoming", middlewares: [validateAndTransformQuery(AdminUpcomingRemindersParams, {})] },
  { methods: ["GET"], matcher: "/admin/reminders/upcoming/export.csv", middlewares: [validateAndTransformQuery(AdminUpcomingExportParams, {})] },
  { methods: ["GET"], matcher: "/admin/reminders/report", middlewares: [validateAndTransformQuery(AdminReminderReportParams, {})] },
  { methods: ["POST"], matcher: "/admin/reminders/run", middlewares: [validateAndTransformBody(AdminRunReminders)] },
]
