/** Events the b2b workflows emit. */
export const B2bEvents = {
  /** payload: `{ id }` */
  COMPANY_CREATED: "b2b.company_created",
  /** payload: `{ id }` */
  COMPANY_UPDATED: "b2b.company_updated",
  /** payload: `{ id }` */
  COMPANY_DELETED: "b2b.company_deleted",
  /** payload: `{ company_id, customer_ids }` */
  EMPLOYEES_ADDED: "b2b.employees_added",
  /** payload: `{ company_id, customer_ids }` */
  EMPLOYEES_REMOVED: "b2b.employees_removed",
  /** payload: `{ id, company_id, price_list_id }` */
  CONTRACT_CREATED: "b2b.contract_created",
  /** payload: `{ id, company_id, price_list_id }` */
  CONTRACT_UPDATED: "b2b.contract_updated",
  /** payload: `{ id, company_id, price_list_id }` */
  CONTRACT_DELETED: "b2b.contract_deleted",
  /** payload: `{ contract_id, price_list_id, added, changed, removed }`: the contract's prices changed (tier edit or import). */
  CONTRACT_PRICES_CHANGED: "b2b.contract_prices_changed",
  /** payload: `{ id }`: an import was uploaded, or asked to apply; the worker runs it. */
  PRICE_IMPORT_REQUESTED: "b2b.price_import_requested",
} as const
