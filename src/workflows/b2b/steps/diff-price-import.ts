import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { ListPrice, PriceImportCounts } from "../../../modules/b2b/types"
import { toListPrice, type PriceLike } from "./list-price-writes"

/**
 * The prices of a price list in id order, a page at a time, read through one cursor (in a
 * read-only transaction of its own). Through the query graph each keyset page (`id > last`) was
 * answered by a scan of every remaining price of the list and a sort: quadratic, 494 s to stage a
 * list of 1M prices. The columns read are the Pricing module's `price` table's own.
 */
export async function* pagesOfListPrices(container: MedusaContainer, price_list_id: string, pageSize: number): AsyncGenerator<ListPrice[]> {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const trx = await pg.transaction({ readOnly: true })
  try {
    await trx.raw(
      `declare list_prices no scroll cursor for
       select id, price_set_id, currency_code, amount, raw_amount, min_quantity, max_quantity
       from price where price_list_id = ? and deleted_at is null order by id`,
      [price_list_id]
    )
    for (;;) {
      const { rows } = await trx.raw(`fetch forward ${Math.max(1, Math.floor(pageSize))} from list_prices`)
      const page = (rows as PriceLike[]).map(toListPrice)
      if (page.length) {
        yield page
      }
      if (page.length < pageSize) {
        return
      }
    }
  } finally {
    await trx.commit()
  }
}

/**
 * What identifies the state of a price list: how many prices it has and its latest change. An
 * import applied to a list whose fingerprint moved since its diff is diffed again first.
 */
export async function listFingerprint(container: MedusaContainer, price_list_id: string): Promise<string> {
  const [latest, count] = await container.resolve(Modules.PRICING).listAndCountPrices(
    { price_list_id: [price_list_id] },
    { select: ["id", "updated_at"], order: { updated_at: "DESC" }, take: 1 }
  )
  const changed = (latest[0] as { updated_at?: Date | string } | undefined)?.updated_at
  return `${count}:${changed ? new Date(changed).toISOString() : "-"}`
}

/** Stages the price list as it is now, a page at a time, and diffs the staged file against it in SQL. */
export async function snapshotAndDiff(container: MedusaContainer, import_id: string): Promise<PriceImportCounts & { list_fingerprint: string }> {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const job = await b2b.retrievePriceImport(import_id)
  const list_fingerprint = await listFingerprint(container, job.price_list_id)
  await b2b.clearStagedRows({ import_ids: [job.id], source: "list" })
  for await (const prices of pagesOfListPrices(container, job.price_list_id, b2b.getB2bOptions().importBatchSize)) {
    await b2b.stageListPrices({ import_id: job.id, prices })
  }
  const counts = await b2b.diffPriceImport({ import_id: job.id })
  return { ...counts, list_fingerprint }
}

/**
 * Diffs a valid import against its contract's price list (added, changed, removed, unchanged)
 * and marks it ready; rows of the contract's older invalid or applied imports are dropped (their
 * counts stay). Writes only staging and the import's record: nothing to compensate.
 */
export const diffPriceImportStep = createStep("diff-price-import", async (input: { import_id: string }, { container }) => {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  try {
    const diff = await snapshotAndDiff(container, input.import_id)
    const job = await b2b.retrievePriceImport(input.import_id)
    // A failed import keeps its rows: it was rolled back and may be applied again.
    const finished = await b2b.listPriceImports({ contract_id: job.contract_id, status: ["invalid", "applied"] }, { select: ["id"] })
    await b2b.clearStagedRows({ import_ids: finished.map((f) => f.id).filter((id) => id !== job.id) })
    await b2b.savePriceImportProgress(input.import_id, { ...diff, status: "ready", validated_at: new Date() })
    return new StepResponse(diff)
  } catch (e) {
    await b2b.savePriceImportProgress(input.import_id, { status: "failed", failure: e instanceof Error ? e.message : String(e), finished_at: new Date() })
    throw e
  }
})
