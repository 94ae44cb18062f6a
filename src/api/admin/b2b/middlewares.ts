import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  listCompaniesQueryConfig,
  listContractsQueryConfig,
  listPriceImportsQueryConfig,
  retrieveCompanyQueryConfig,
  retrieveContractQueryConfig,
  retrievePriceImportQueryConfig,
} from "./query-config"
import { uploadPriceFile } from "./upload"
import {
  AdminAddEmployees,
  AdminCompaniesParams,
  AdminCompanyParams,
  AdminContractParams,
  AdminContractPricesParams,
  AdminContractsParams,
  AdminCreateCompany,
  AdminCreateContract,
  AdminCreatePriceImport,
  AdminEmployeesParams,
  AdminPriceDebuggerParams,
  AdminPriceImportChangesParams,
  AdminPriceImportParams,
  AdminPriceImportsParams,
  AdminRenewalsParams,
  AdminRunRenewals,
  AdminSetContractPrices,
  AdminUpdateCompany,
  AdminUpdateContract,
  AdminUpdateEmployee,
} from "./validators"

export const adminB2bMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/b2b/companies", middlewares: [validateAndTransformQuery(AdminCompaniesParams, listCompaniesQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/b2b/companies",
    middlewares: [validateAndTransformBody(AdminCreateCompany), validateAndTransformQuery(AdminCompanyParams, retrieveCompanyQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/b2b/companies/:id", middlewares: [validateAndTransformQuery(AdminCompanyParams, retrieveCompanyQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/b2b/companies/:id",
    middlewares: [validateAndTransformBody(AdminUpdateCompany), validateAndTransformQuery(AdminCompanyParams, retrieveCompanyQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/b2b/companies/:id/employees", middlewares: [validateAndTransformQuery(AdminEmployeesParams, {})] },
  { methods: ["POST"], matcher: "/admin/b2b/companies/:id/employees", middlewares: [validateAndTransformBody(AdminAddEmployees)] },
  { methods: ["POST"], matcher: "/admin/b2b/companies/:id/employees/:employee_id", middlewares: [validateAndTransformBody(AdminUpdateEmployee)] },
  { methods: ["GET"], matcher: "/admin/b2b/companies/:id/contracts", middlewares: [validateAndTransformQuery(AdminContractsParams, listContractsQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/b2b/companies/:id/contracts",
    middlewares: [validateAndTransformBody(AdminCreateContract), validateAndTransformQuery(AdminContractParams, retrieveContractQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/b2b/contracts", middlewares: [validateAndTransformQuery(AdminContractsParams, listContractsQueryConfig)] },
  { methods: ["GET"], matcher: "/admin/b2b/contracts/:id", middlewares: [validateAndTransformQuery(AdminContractParams, retrieveContractQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/b2b/contracts/:id",
    middlewares: [validateAndTransformBody(AdminUpdateContract), validateAndTransformQuery(AdminContractParams, retrieveContractQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/b2b/contracts/:id/prices", middlewares: [validateAndTransformQuery(AdminContractPricesParams, {})] },
  { methods: ["POST"], matcher: "/admin/b2b/contracts/:id/prices", middlewares: [validateAndTransformBody(AdminSetContractPrices)] },
  {
    methods: ["GET"],
    matcher: "/admin/b2b/contracts/:id/price-imports",
    middlewares: [validateAndTransformQuery(AdminPriceImportsParams, listPriceImportsQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/admin/b2b/contracts/:id/price-imports",
    middlewares: [
      uploadPriceFile,
      validateAndTransformBody(AdminCreatePriceImport),
      validateAndTransformQuery(AdminPriceImportParams, retrievePriceImportQueryConfig),
    ],
  },
  { methods: ["GET"], matcher: "/admin/b2b/price-imports/:id", middlewares: [validateAndTransformQuery(AdminPriceImportParams, retrievePriceImportQueryConfig)] },
  { methods: ["GET"], matcher: "/admin/b2b/price-imports/:id/changes", middlewares: [validateAndTransformQuery(AdminPriceImportChangesParams, {})] },
  {
    methods: ["POST"],
    matcher: "/admin/b2b/price-imports/:id/apply",
    middlewares: [validateAndTransformQuery(AdminPriceImportParams, retrievePriceImportQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/b2b/price-debugger", middlewares: [validateAndTransformQuery(AdminPriceDebuggerParams, {})] },
  { methods: ["GET"], matcher: "/admin/b2b/renewals", middlewares: [validateAndTransformQuery(AdminRenewalsParams, {})] },
  { methods: ["POST"], matcher: "/admin/b2b/renewals/run", middlewares: [validateAndTransformBody(AdminRunRenewals)] },
]
