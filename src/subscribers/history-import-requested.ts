import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { HistoryImportEvents } from "../workflows/customer-facts/import-history-events"
import { importHistoryWorkflow } from "../workflows/customer-facts/import-history"

/** An import was uploaded or resumed → run it (subscribers run on the worker in a server/worker split). */
export default async function historyImportRequested({ event, container }: SubscriberArgs<{ id: string }>) {
  await importHistoryWorkflow(container).run({ input: { import_id: event.data.id } })
}

export const config: SubscriberConfig = {
  event: HistoryImportEvents.REQUESTED,
  context: { subscriberId: "history-import-requested" },
}
