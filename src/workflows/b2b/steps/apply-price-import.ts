import type { IPricingModuleService, MedusaContainer } from "@medusajs/framework/types"
import { generateEntityId, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { PriceImportAction, PriceImportChange, PriceImportDTO } from "../../../modules/b2b/types"
import { listFingerprint, snapshotAndDiff } from "./diff-price-import"
import { priceKey, toListPrice } from "./list-price-writes"
import { inBatchEventGroup } from "./price-import-progress"

const ACTIONS: PriceImportAction[] = ["add", "change", "remove"]

const price = (row: PriceImportChange, amount: string) => ({
  price_set_id: row.price_set_id,
  currency_code: row.currency_code,
  amount,
  min_quantity: row.min_quantity,
  max_quantity: row.max_quantity,
})

/** Writes one batch of one kind of change through the Pricing module and records it applied. */
async function applyBatch(pricing: IPricingModuleService, b2b: B2bModuleService, job: PriceImportDTO, action: PriceImportAction, rows: PriceImportChange[], context: object) {
  if (action === "add") {
    // Ids given up front: addPriceListPrices then looks for existing prices by id, not by an OR of
    // every (price set, currency, band) against the whole list, which grew quadratic with the list.
    // The diff already knows these prices are new.
    const created = await pricing.addPriceListPrices(
      [{ price_list_id: job.price_list_id, prices: rows.map((r) => ({ id: generateEntityId(undefined, "price"), ...price(r, r.amount) })) }],
      context
    )
    const byKey = new Map(created.map((p) => [priceKey(toListPrice(p)), p.id]))
    await b2b.markRowsApplied({ import_id: job.id, applied: true, rows: rows.map((r) => ({ id: r.id, price_id: byKey.get(priceKey(r)) ?? null })) })
  } else if (action === "change") {
    await pricing.updatePriceListPrices([{ price_list_id: job.price_list_id, prices: rows.map((r) => ({ id: r.price_id!, ...price(r, r.amount) })) }], context)
    await b2b.markRowsApplied({ import_id: job.id, applied: true, rows })
  } else {
    await pricing.softDeletePrices(rows.map((r) => r.price_id!), {}, context)
    await b2b.markRowsApplied({ import_id: job.id, applied: true, rows })
  }
}

/** Takes back one batch: created prices deleted, old amounts restored, removed prices restored. */
async function undoBatch(pricing: IPricingModuleService, b2b: B2bModuleService, job: PriceImportDTO, action: PriceImportAction, rows: PriceImportChange[], context: object) {
  if (action === "add") {
    await pricing.removePrices(rows.flatMap((r) => (r.price_id ? [r.price_id] : [])), context)
  } else if (action === "change") {
    await pricing.updatePriceListPrices([{ price_list_id: job.price_list_id, prices: rows.map((r) => ({ id: r.price_id!, ...price(r, r.old_amount!) })) }], context)
  } else {
    await pricing.restorePrices(rows.map((r) => r.price_id!), {}, context)
  }
  await b2b.markRowsRolledBack({ import_id: job.id, ids: rows.map((r) => r.id) })
}

/**
 * Takes back every change an import applied, a batch at a time (rows recorded as applied), so the
 * price list is as it was before the import. Safe to run again: rolled-back rows are recorded.
 */
export async function rollBackPriceImport(container: MedusaContainer, import_id: string): Promise<number> {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const pricing = container.resolve(Modules.PRICING)
  const eventBus = container.resolve(Modules.EVENT_BUS)
  const job = await b2b.retrievePriceImport(import_id)
  const batchSize = b2b.getB2bOptions().importBatchSize
  let undone = 0
  for (const action of ACTIONS) {
    let after: string | null = null
    for (;;) {
      const rows = await b2b.listPriceImportChanges({ import_id, actions: [action], applied: true, after, limit: batchSize })
      if (!rows.length) break
      after = rows[rows.length - 1].id
      await inBatchEventGroup(eventBus, `${import_id}:undo:${rows[0].id}`, (context) => undoBatch(pricing, b2b, job, action, rows, context))
      undone += rows.length
    }
  }
  await b2b.savePriceImportProgress(import_id, { applied: 0 })
  return undone
}

export type ApplyPriceImportResult = { import_id: string; contract_id: string; price_list_id: string; added: number; changed: number; removed: number }

/**
 * Applies a ready import to its contract's price list in batches through the Pricing module
 * (prices added, amounts changed, prices removed), saving the progress after each. A list that
 * changed since the diff is diffed again first; a run taken over after a crash goes on from the
 * rows not yet applied. When a batch fails, or a later step of the
 * workflow does (compensation), everything applied is rolled back: the price list is as before.
 */
export const applyPriceImportStep = createStep(
  "apply-price-import",
  async (input: { import_id: string }, { container }) => {
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    const pricing = container.resolve(Modules.PRICING)
    const eventBus = container.resolve(Modules.EVENT_BUS)
    let job = await b2b.retrievePriceImport(input.import_id)
    const { importBatchSize: batchSize, importApplyConcurrency: applyLanes } = b2b.getB2bOptions()
    try {
      // A list changed by others since the diff is diffed again; one changed by this import's own
      // batches (a run taken over after a crash) goes on from the rows not yet applied.
      if (job.applied === 0 && job.list_fingerprint !== (await listFingerprint(container, job.price_list_id))) {
        await b2b.savePriceImportProgress(job.id, await snapshotAndDiff(container, job.id))
        job = await b2b.retrievePriceImport(job.id)
      }
      let applied = job.applied
      for (const action of ACTIONS) {
        // Keyset from the last row handed out: filtering on `applied` alone re-read every row
        // applied before each batch (quadratic over an import). Batches are handed out one at a
        // time, so two lanes never hold the same rows.
        let after: string | null = null
        let handing: Promise<unknown> = Promise.resolve()
        let failed = false
        const nextBatch = () => {
          const batch = handing.then(async () => {
            if (failed) return []
            const rows = await b2b.listPriceImportChanges({ import_id: job.id, actions: [action], applied: false, after, limit: batchSize })
            if (rows.length) after = rows[rows.length - 1].id
            return rows
          })
          handing = batch.catch(() => undefined)
          return batch
        }
        const lane = async () => {
          for (let rows = await nextBatch(); rows.length; rows = await nextBatch()) {
            await inBatchEventGroup(eventBus, `${job.id}:${rows[0].id}`, (context) => applyBatch(pricing, b2b, job, action, rows, context))
            applied += rows.length
            await b2b.savePriceImportProgress(job.id, { applied })
          }
        }
        // Each lane waits on the Pricing module's JavaScript half the time and on PostgreSQL the
        // other half, so two overlap. Every lane ends its batch before a failure is rolled back:
        // a batch still being written would otherwise escape the rollback.
        const outcomes = await Promise.allSettled(
          Array.from({ length: applyLanes }, () =>
            lane().catch((e) => {
              failed = true
              throw e
            })
          )
        )
        const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")
        if (failure) throw failure.reason
      }
    } catch (e) {
      await rollBackPriceImport(container, job.id)
      await b2b.savePriceImportProgress(job.id, { status: "failed", failure: `${e instanceof Error ? e.message : String(e)} (rolled back: the price list is as before)`, finished_at: new Date() })
      throw e
    }
    return new StepResponse<ApplyPriceImportResult, { import_id: string }>(
      { import_id: job.id, contract_id: job.contract_id, price_list_id: job.price_list_id, added: job.added, changed: job.changed, removed: job.removed },
      { import_id: job.id }
    )
  },
  async (applied, { container }) => {
    if (!applied) {
      return
    }
    await rollBackPriceImport(container, applied.import_id)
    await container.resolve<B2bModuleService>(B2B_MODULE).savePriceImportProgress(applied.import_id, {
      status: "failed",
      failure: "a later step failed; the import was rolled back: the price list is as before",
      finished_at: new Date(),
    })
  }
)

/** Marks an applied import done, with the time. Nothing to compensate. */
export const finishPriceImportStep = createStep("finish-price-import", async (input: { import_id: string }, { container }) => {
  await container.resolve<B2bModuleService>(B2B_MODULE).savePriceImportProgress(input.import_id, { status: "applied", finished_at: new Date() })
  return new StepResponse({ import_id: input.import_id })
})
