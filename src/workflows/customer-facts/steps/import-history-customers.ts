import type { Context, CustomerDTO, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaContextType, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import type { ConsentInput } from "../../../modules/customer-facts/types"
import {
  CustomerEmailMatcher,
  lastRowPerEmail,
  planCustomerBatch,
  type CustomerBatchPlan,
  type ExistingCustomer,
} from "../../../modules/customer-facts/utils/history-customers"
import { parseCustomerRow, type CustomerRow } from "../../../modules/customer-facts/utils/history-rows"
import {
  failHistoryImport,
  HISTORY_BATCH_SIZE,
  HistoryImportProgress,
  streamHistoryFile,
  type HistoryImportRecord,
} from "./history-import-progress"
import { HISTORY_IMPORT_EVENT_GROUP_PREFIX } from "../import-history-events"
import { refreshCustomerFacts } from "./refresh-customer-facts"

export type ImportHistoryCustomersStepInput = { import_id: string; batch_size?: number }

/** Customers updated at once (one Customer module call each: the module updates one customer's own fields). */
const UPDATE_CONCURRENCY = 4

/**
 * E-mail consent from the file, as records to add: only where the file says something else than
 * the last import said (or nothing was imported yet), so re-importing an old file never undoes a
 * later unsubscribe or opt-in recorded elsewhere.
 */
export async function importedConsents(
  facts: CustomerFactsModuleService,
  rows: CustomerRow[],
  idByEmail: Map<string, string>,
  recordedAt: Date
): Promise<ConsentInput[]> {
  const ids = rows.map((r) => idByEmail.get(r.email)).filter((id): id is string => !!id)
  const previous = ids.length
    ? await facts.listConsentRecords(
        { customer_id: ids, purpose: "email_marketing", source: "import" },
        { select: ["customer_id", "granted", "recorded_at"], order: { recorded_at: "DESC", created_at: "DESC" } }
      )
    : []
  const lastImported = new Map<string, boolean>()
  for (const record of previous) {
    if (!lastImported.has(record.customer_id)) {
      lastImported.set(record.customer_id, record.granted)
    }
  }
  return rows
    .filter((r) => idByEmail.has(r.email) && lastImported.get(idByEmail.get(r.email)!) !== r.marketing_consent)
    .map((r) => ({
      customer_id: idByEmail.get(r.email)!,
      purpose: "email_marketing" as const,
      granted: r.marketing_consent,
      source: "import",
      recorded_at: recordedAt,
      note: null,
    }))
}

/**
 * One batch of customers.csv: customers created or completed through Medusa's Customer module,
 * consent recorded, then their facts rebuilt from Medusa (so they carry the addresses and
 * metadata just written).
 */
async function importCustomerBatch(
  container: MedusaContainer,
  job: HistoryImportRecord,
  rows: CustomerRow[],
  progress: HistoryImportProgress,
  matcher: CustomerEmailMatcher
) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const customers = container.resolve(Modules.CUSTOMER)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  // A step's module calls otherwise carry the workflow's event group, released only when the
  // whole import ends: a million customers' events would wait in memory until then.
  const eventGroupId = `${HISTORY_IMPORT_EVENT_GROUP_PREFIX}${job.id}:${rows[0]?.line ?? 0}`
  const context: Context = { __type: MedusaContextType, eventGroupId }
  try {
    const batch = lastRowPerEmail(rows)
    const existing = await matcher.find(pg, batch.map((r) => r.email))
    const plan = planCustomerBatch(batch, existing, job.id)
    const created = plan.create.length ? await customers.createCustomers(plan.create, context) : []
    for (let i = 0; i < plan.update.length; i += UPDATE_CONCURRENCY) {
      await Promise.all(plan.update.slice(i, i + UPDATE_CONCURRENCY).map((u) => customers.updateCustomers(u.id, u.data, context)))
    }
    if (plan.addresses.length) {
      await customers.createCustomerAddresses(plan.addresses, context)
    }
    await finishCustomerBatch(container, batch, existing, created, plan, progress)
  } finally {
    // Whatever was written is announced, once the batch's facts are rebuilt (or it failed).
    await eventBus.releaseGroupedEvents(eventGroupId)
  }
}

/**
 * Whose facts must be rebuilt from Medusa: customers created, or given new fields or an address,
 * and matched ones the facts do not hold yet. A matched customer the file changes nothing of keeps
 * facts that are already current (consent is recorded straight into them), so a re-import of the
 * same file rebuilds nobody.
 */
async function customersToRefresh(
  facts: CustomerFactsModuleService,
  idByEmail: Map<string, string>,
  created: CustomerDTO[],
  plan: CustomerBatchPlan
): Promise<string[]> {
  const changed = new Set([...created.map((c) => c.id), ...plan.update.map((u) => u.id), ...plan.addresses.map((a) => a.customer_id)])
  const unchanged = [...idByEmail.values()].filter((id) => !changed.has(id))
  if (unchanged.length) {
    const withFacts = new Set((await facts.listCustomerFacts({ customer_id: unchanged }, { select: ["customer_id"] })).map((f) => f.customer_id))
    for (const id of unchanged) if (!withFacts.has(id)) changed.add(id)
  }
  return [...changed]
}

async function finishCustomerBatch(
  container: MedusaContainer,
  batch: CustomerRow[],
  existing: Map<string, ExistingCustomer>,
  created: CustomerDTO[],
  plan: CustomerBatchPlan,
  progress: HistoryImportProgress
) {
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  const idByEmail = new Map([...existing.values()].map((c) => [c.email, c.id]))
  for (const c of created) {
    idByEmail.set(c.email!.toLowerCase(), c.id)
  }
  const consents = await importedConsents(facts, batch, idByEmail, new Date())
  const recorded = consents.length ? await facts.recordConsents(consents) : 0
  await refreshCustomerFacts(container, await customersToRefresh(facts, idByEmail, created, plan))
  progress.add("customers_created", created.length)
  progress.add("customers_matched", plan.matched.length)
  progress.add("customers_updated", plan.update.length)
  progress.add("consents_recorded", recorded)
}

/**
 * Streams customers.csv into Medusa customers (created or matched by e-mail, case-insensitively)
 * and their facts, a batch at a time, saving the line reached after each batch. Nothing to
 * compensate: an import is resumable, not undone (a rerun continues after the last saved line and
 * finds the customers it created by e-mail).
 */
export const importHistoryCustomersStep = createStep(
  "import-history-customers",
  async (input: ImportHistoryCustomersStepInput, { container }) => {
    const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
    const job = await facts.retrieveHistoryImport(input.import_id)
    if (!job.customers_file_key || job.customers_done) {
      return new StepResponse({ rows: job.customers_rows })
    }
    const progress = new HistoryImportProgress(container, job)
    try {
      const files = container.resolve(Modules.FILE)
      const matcher = await CustomerEmailMatcher.load(container.resolve(ContainerRegistrationKeys.PG_CONNECTION))
      await streamHistoryFile({
        source: await files.getDownloadStream(job.customers_file_key),
        file: "customers.csv",
        parse: parseCustomerRow,
        progress,
        rowsField: "customers_rows",
        resumeAfterLine: job.customers_line,
        bytesBefore: 0,
        batchSize: input.batch_size ?? HISTORY_BATCH_SIZE,
        onBatch: (rows) => importCustomerBatch(container, job, rows, progress, matcher),
        onCheckpoint: (line) => progress.save({ customers_line: line }),
      })
      await progress.save({ customers_done: true })
    } catch (e) {
      await failHistoryImport(facts, job.id, e)
      throw e
    }
    return new StepResponse({ rows: progress.counts.customers_rows })
  }
)
