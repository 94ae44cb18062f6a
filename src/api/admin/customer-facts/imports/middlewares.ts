import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listHistoryImportsQueryConfig, retrieveHistoryImportQueryConfig } from "./query-config"
import { uploadHistoryFiles } from "./upload"
import { AdminCreateHistoryImport, AdminHistoryImportParams, AdminHistoryImportsParams } from "./validators"

export const adminHistoryImportsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customer-facts/imports",
    middlewares: [validateAndTransformQuery(AdminHistoryImportsParams, listHistoryImportsQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customer-facts/imports",
    middlewares: [
      uploadHistoryFiles,
      validateAndTransformBody(AdminCreateHistoryImport),
      validateAndTransformQuery(AdminHistoryImportParams, retrieveHistoryImportQueryConfig),
    ],
  },
  {
    methods: ["GET"],
    matcher: "/admin/customer-facts/imports/:id",
    middlewares: [validateAndTransformQuery(AdminHistoryImportParams, retrieveHistoryImportQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customer-facts/imports/:id/resume",
    middlewares: [validateAndTransformQuery(AdminHistoryImportParams, retrieveHistoryImportQueryConfig)],
  },
]
