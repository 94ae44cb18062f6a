/** Events of the history import. */
export const HistoryImportEvents = {
  /** payload: `{ id }`: an import was uploaded (or asked to resume); the worker runs it. */
  REQUESTED: "customer_facts.history_import_requested",
} as const
