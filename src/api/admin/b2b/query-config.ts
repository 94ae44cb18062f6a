/** One field list for the list and the retrieve of each resource. */
export const ADMIN_COMPANY_FIELDS = [
  "id",
  "name",
  "tax_id",
  "country_code",
  "contact_name",
  "contact_email",
  "contact_phone",
  "status",
  "customer_group_id",
  "account_manager_email",
  "metadata",
  "created_at",
  "updated_at",
]

export const ADMIN_CONTRACT_FIELDS = [
  "id",
  "company_id",
  "title",
  "status",
  "price_list_id",
  "valid_from",
  "valid_to",
  "currency_code",
  "renewal_reminder_days",
  "notes",
  "created_at",
  "updated_at",
]

export const ADMIN_PRICE_IMPORT_FIELDS = [
  "id",
  "contract_id",
  "price_list_id",
  "status",
  "apply_when_ready",
  "file_name",
  "file_size",
  "bytes_read",
  "rows_total",
  "rows_valid",
  "rows_with_errors",
  "errors",
  "added",
  "changed",
  "removed",
  "unchanged",
  "applied",
  "failure",
  "created_by",
  "started_at",
  "validated_at",
  "finished_at",
  "created_at",
  "updated_at",
]

export const retrieveCompanyQueryConfig = { defaults: ADMIN_COMPANY_FIELDS, isList: false }
export const listCompaniesQueryConfig = { ...retrieveCompanyQueryConfig, defaultLimit: 20, isList: true }

export const retrieveContractQueryConfig = { defaults: ADMIN_CONTRACT_FIELDS, isList: false }
export const listContractsQueryConfig = { ...retrieveContractQueryConfig, defaultLimit: 20, isList: true }

export const retrievePriceImportQueryConfig = { defaults: ADMIN_PRICE_IMPORT_FIELDS, isList: false }
export const listPriceImportsQueryConfig = { ...retrievePriceImportQueryConfig, defaultLimit: 20, isList: true }
