/** Events of the history import. */
export const HistoryImportEvents = {
  /** payload: `{ id }`: an import was uploaded (or asked to resume); the worker runs it. */
  REQUESTED: "customer_facts.history_import_requested",
} as const

/**
 * The Customer module's own events (customer and address created or updated) of one batch of an
 * import carry `metadata.eventGroupId` = `history-import:<import id>:<n>` and are released once the
 * batch is written and its customers' facts rebuilt. A facts subscriber can skip them: the import
 * has already rebuilt those customers' facts, and a million imported customers would otherwise be
 * refreshed a second time one by one.
 */
export const HISTORY_IMPORT_EVENT_GROUP_PREFIX = "history-import:"

/** Whether an event was emitted by a batch of a history import (see HISTORY_IMPORT_EVENT_GROUP_PREFIX). */
export function isHistoryImportEvent(event: { metadata?: { eventGroupId?: string } | null }): boolean {
  return !!event.metadata?.eventGroupId?.startsWith(HISTORY_IMPORT_EVENT_GROUP_PREFIX)
}
