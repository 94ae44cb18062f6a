import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { parse } from "csv-parse/sync"
import { B2B_MODULE } from "../../src/modules/b2b"
import type B2bModuleService from "../../src/modules/b2b/service"
import { resumeStalePriceImportsWorkflow } from "../../src/workflows/b2b/resume-stale-price-imports"
import { applyPriceImportStep } from "../../src/workflows/b2b/steps/apply-price-import"
import { claimPriceImportStep } from "../../src/workflows/b2b/steps/claim-price-import"
import { eventually, failure } from "../helpers/requests"
import { createB2bStore, createCompanyWithContract, type B2bStore } from "./b2b-fixtures"

jest.setTimeout(300_000)

const HEADER = "sku,currency,amount,min_quantity,max_quantity"
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n") + "\n"

/** The contract's prices before each test: B2B-1 in two bands, B2B-2 and B2B-3 at any quantity. */
const INITIAL_TIERS = [
  { sku: "B2B-1", tiers: [{ min_quantity: 1, max_quantity: 9, amount: 50 }, { min_quantity: 10, max_quantity: null, amount: 45 }] },
  { sku: "B2B-2", tiers: [{ min_quantity: null, max_quantity: null, amount: 30 }] },
  { sku: "B2B-3", tiers: [{ min_quantity: null, max_quantity: null, amount: 20 }] },
]

/** The contract's whole price list, as a merchant would send it back changed: one band changed, B2B-2 gone, two variants added. */
const NEW_LIST = csv("B2B-1,eur,50,1,9", "B2B-1,eur,42,10,", "B2B-3,eur,20.00,,", "B2B-4,eur,15,,", "B2B-5,eur,16.5,1,99")

const failStep = createStep("b2b-price-import-spec-failure", async () => {
  throw new Error("forced failure after the import was applied")
})

/** The apply workflow's steps followed by a failing one: the import's compensation must leave the price list as before. */
const applyThenFail = createWorkflow("b2b-price-import-spec-apply-then-fail", (input: WorkflowData<{ import_id: string }>) => {
  claimPriceImportStep({ import_id: input.import_id, from: ["ready"], to: "applying" })
  applyPriceImportStep(input)
  failStep()
  return new WorkflowResponse(input)
})

type ListRow = { id: string; sku: string; amount: number; min_quantity: number | null; max_quantity: number | null; updated_at: string }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let store: B2bStore
    let contract: { companyId: string; contractId: string; priceListId: string }

    beforeAll(async () => {
      container = getContainer()
      store = await createB2bStore(container, api)
      contract = await createCompanyWithContract(api, store, { name: "Import Co", employees: [], from: -10, to: 300 })
      await api.post(
        `/admin/b2b/contracts/${contract.contractId}/prices`,
        { variants: INITIAL_TIERS.map((v) => ({ variant_id: store.variants[v.sku].id, tiers: v.tiers })) },
        store.admin
      )
    })

    /** The contract's price list as Medusa holds it, in a stable order. */
    async function priceList(): Promise<ListRow[]> {
      const prices = await container
        .resolve(Modules.PRICING)
        .listPrices({ price_list_id: [contract.priceListId] }, { select: ["id", "price_set_id", "amount", "min_quantity", "max_quantity", "updated_at"] })
      const { data: links } = await container.resolve("query").graph({
        entity: "product_variant_price_set",
        fields: ["price_set_id", "variant.sku"],
        filters: { price_set_id: prices.map((p) => p.price_set_id!) },
      })
      const skuOf = new Map((links as { price_set_id: string; variant: { sku: string } }[]).map((l) => [l.price_set_id, l.variant.sku]))
      return prices
        .map((p) => ({
          id: p.id,
          sku: skuOf.get(p.price_set_id!)!,
          amount: Number(p.amount),
          min_quantity: p.min_quantity == null ? null : Number(p.min_quantity),
          max_quantity: p.max_quantity == null ? null : Number(p.max_quantity),
          updated_at: new Date(p.updated_at as unknown as string).toISOString(),
        }))
        .sort((a, b) => `${a.sku}|${a.min_quantity}`.localeCompare(`${b.sku}|${b.min_quantity}`))
    }
    const withoutIds = (rows: ListRow[]) => rows.map(({ sku, amount, min_quantity, max_quantity }) => ({ sku, amount, min_quantity, max_quantity }))

    async function upload(content: string, fields: Record<string, string> = {}, name = "prices.csv") {
      const body = new FormData()
      for (const [field, value] of Object.entries(fields)) body.append(field, value)
      body.append("file", new Blob([content], { type: "text/csv" }), name)
      const { data } = await api.post(`/admin/b2b/contracts/${contract.contractId}/price-imports`, body, store.admin)
      return data.price_import as { id: string; status: string }
    }

    /** Whether the import's uploaded CSV is still in the File module's storage. */
    async function fileKept(id: string) {
      const job = await container.resolve<B2bModuleService>(B2B_MODULE).retrievePriceImport(id)
      return container.resolve(Modules.FILE).getAsBuffer(job.file_key).then(
        () => true,
        () => false
      )
    }

    async function settled(id: string, statuses: string[]) {
      const job = await eventually(
        async () => (await api.get(`/admin/b2b/price-imports/${id}`, store.admin)).data.price_import,
        (j: { status: string }) => statuses.includes(j.status),
        60_000
      )
      expect(statuses).toContain(job.status)
      return job
    }

    it("a CSV with 5 bad lines: each error names its line and column, nothing is applied", async () => {
      const before = await priceList()
      const file = csv(
        "B2B-1,eur,49.00,1,9",
        "B2B-2,eur,abc,,",
        "NOPE-9,eur,10,,",
        "B2B-3,usd,10,,",
        "B2B-4,eur,10,20,5",
        "B2B-1,eur,40,5,20"
      )
      const created = await upload(file, { apply: "true" })
      expect(created).toMatchObject({ status: "pending", apply_when_ready: true })
      const job = await settled(created.id, ["invalid", "ready", "applied", "failed"])
      expect(job).toMatchObject({ status: "invalid", rows_total: 6, rows_valid: 1, rows_with_errors: 5, applied: 0 })
      expect(job.errors.map((e: { line: number; field: string }) => [e.line, e.field])).toEqual([
        [3, "amount"],
        [4, "sku"],
        [5, "currency"],
        [6, "max_quantity"],
        [7, "min_quantity"],
      ])
      expect(job.errors[1].message).toContain("NOPE-9")
      expect(job.errors[2].message).toContain("eur")
      expect(job.errors[4].message).toContain("line 2")
      expect(await priceList()).toEqual(before)
      const { data } = await api.get(`/admin/b2b/price-imports/${created.id}/changes`, store.admin)
      expect(data.changes).toEqual([])
      const refused = await failure(api.post(`/admin/b2b/price-imports/${created.id}/apply`, {}, store.admin))
      expect(refused.status).toBe(400)
      expect(refused.message).toContain("invalid")
      // An invalid file is not read again (a corrected one is a new upload): it is deleted.
      expect(await eventually(() => fileKept(created.id), (kept) => !kept)).toBe(false)
    })

    it("the dry run shows added / changed / removed / unchanged and changes nothing; apply writes it; the same file again changes nothing", async () => {
      const before = await priceList()
      const created = await upload(NEW_LIST)
      const ready = await settled(created.id, ["ready", "invalid", "failed"])
      expect(ready).toMatchObject({ status: "ready", rows_total: 5, rows_valid: 5, rows_with_errors: 0, added: 2, changed: 1, removed: 1, unchanged: 2, applied: 0 })
      expect(await priceList()).toEqual(before)
      // Kept until applied (a validation taken over after a crash reads it again), deleted once applied.
      expect(await fileKept(created.id)).toBe(true)

      const { data: page } = await api.get(`/admin/b2b/price-imports/${created.id}/changes?limit=3`, store.admin)
      expect(page.changes.map((c: { line: number | null; action: string }) => [c.line, c.action])).toEqual([
        [2, "same"],
        [3, "change"],
        [4, "same"],
      ])
      expect(page.changes[1]).toMatchObject({ sku: "B2B-1", amount: "42", old_amount: "45", min_quantity: 10, max_quantity: null })
      const { data: rest } = await api.get(`/admin/b2b/price-imports/${created.id}/changes?after=${page.next_after}`, store.admin)
      expect(rest.changes.map((c: { sku: string; action: string }) => [c.sku, c.action])).toEqual([
        ["B2B-4", "add"],
        ["B2B-5", "add"],
        ["B2B-2", "remove"],
      ])
      const { data: removedOnly } = await api.get(`/admin/b2b/price-imports/${created.id}/changes?action=remove`, store.admin)
      expect(removedOnly.changes).toHaveLength(1)

      await api.post(`/admin/b2b/price-imports/${created.id}/apply`, {}, store.admin)
      const applied = await settled(created.id, ["applied", "failed"])
      expect(applied).toMatchObject({ status: "applied", applied: 4, failure: null })
      expect(await eventually(() => fileKept(created.id), (kept) => !kept)).toBe(false)
      const after = await priceList()
      expect(withoutIds(after)).toEqual([
        { sku: "B2B-1", amount: 50, min_quantity: 1, max_quantity: 9 },
        { sku: "B2B-1", amount: 42, min_quantity: 10, max_quantity: null },
        { sku: "B2B-3", amount: 20, min_quantity: null, max_quantity: null },
        { sku: "B2B-4", amount: 15, min_quantity: null, max_quantity: null },
        { sku: "B2B-5", amount: 16.5, min_quantity: 1, max_quantity: 99 },
      ])
      // Unchanged prices are not written at all.
      expect(after.find((p) => p.sku === "B2B-3")).toEqual(before.find((p) => p.sku === "B2B-3"))

      // The export is the same list, in the import's columns; imported back (applied at once), it changes nothing.
      const { data: exported, headers } = await api.get(`/admin/b2b/contracts/${contract.contractId}/prices/export.csv`, store.admin)
      expect(headers["content-type"]).toContain("text/csv")
      const records = parse(exported, { columns: true }) as Record<string, string>[]
      expect(Object.keys(records[0])).toEqual(["sku", "variant_id", "currency", "amount", "min_quantity", "max_quantity"])
      expect(records.map((r) => [r.sku, r.amount, r.min_quantity, r.max_quantity]).sort()).toEqual(
        [
          ["B2B-1", "50", "1", "9"],
          ["B2B-1", "42", "10", ""],
          ["B2B-3", "20", "", ""],
          ["B2B-4", "15", "", ""],
          ["B2B-5", "16.5", "1", "99"],
        ].sort()
      )
      for (const content of [exported as string, NEW_LIST]) {
        const again = await upload(content, { apply: "true" })
        const done = await settled(again.id, ["applied", "failed", "invalid"])
        expect(done).toMatchObject({ status: "applied", added: 0, changed: 0, removed: 0, unchanged: 5, applied: 0 })
        expect(await priceList()).toEqual(after)
      }
    })

    it("a batch failing midway rolls back the batches before it: the price list is as before", async () => {
      const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
      const before = await priceList()
      const created = await upload(csv("B2B-1,eur,39,1,9", "B2B-4,eur,11,,", "B2B-5,eur,12,,", "B2B-6,eur,13,,", "B2B-7,eur,14,,", "B2B-8,eur,15,,", "B2B-2,eur,30,,", "B2B-3,eur,20,,"))
      const ready = await settled(created.id, ["ready", "invalid", "failed"])
      expect(ready).toMatchObject({ added: 5, changed: 1, removed: 1, unchanged: 2 })
      // B2B-8's price set disappears after the dry run: its price (the third batch of two added prices) cannot be written.
      const { data: links } = await container.resolve("query").graph({
        entity: "product_variant_price_set",
        fields: ["price_set_id"],
        filters: { variant_id: store.variants["B2B-8"].id },
      })
      await container.resolve(Modules.PRICING).deletePriceSets([links[0].price_set_id])
      const options = b2b.getB2bOptions()
      const batchSize = options.importBatchSize
      options.importBatchSize = 2
      try {
        await api.post(`/admin/b2b/price-imports/${created.id}/apply`, {}, store.admin)
        const failed = await settled(created.id, ["failed", "applied"])
        expect(failed).toMatchObject({ status: "failed", applied: 0 })
        expect(failed.failure).toContain("rolled back: the price list is as before")
      } finally {
        options.importBatchSize = batchSize
      }
      expect(await priceList()).toEqual(before)
    })

    it("a step failing after the whole import was applied: the compensation leaves the price list as before", async () => {
      const before = await priceList()
      const created = await upload(NEW_LIST)
      await settled(created.id, ["ready"])
      const { errors } = await applyThenFail(container).run({ input: { import_id: created.id }, throwOnError: false })
      expect(errors[0].error.message).toContain("forced failure after the import was applied")
      const { data } = await api.get(`/admin/b2b/price-imports/${created.id}`, store.admin)
      expect(data.price_import).toMatchObject({ status: "failed", applied: 0 })
      // Amounts restored in place, the removed price restored with its id, the added prices gone.
      expect(await priceList().then((rows) => rows.map(({ updated_at: _u, ...r }) => r))).toEqual(before.map(({ updated_at: _u, ...r }) => r))
      // A rolled-back import may be applied again, and then is, even after another import of the contract was validated.
      const other = await upload(csv("B2B-6,eur,9,,"))
      await settled(other.id, ["ready"])
      await api.post(`/admin/b2b/price-imports/${created.id}/apply`, {}, store.admin)
      await settled(created.id, ["applied"])
      expect(withoutIds(await priceList()).map((p) => p.sku)).toEqual(["B2B-1", "B2B-1", "B2B-3", "B2B-4", "B2B-5"])
      // The other import, diffed against the list as it was, is diffed again before it applies.
      await api.post(`/admin/b2b/price-imports/${other.id}/apply`, {}, store.admin)
      expect(await settled(other.id, ["applied", "failed"])).toMatchObject({ status: "applied", added: 1, removed: 5, unchanged: 0 })
      expect(withoutIds(await priceList())).toEqual([{ sku: "B2B-6", amount: 9, min_quantity: null, max_quantity: null }])
    })

    it("an import a crashed worker left validating or applying is taken over by the resume job", async () => {
      const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const created = await upload(NEW_LIST)
      await settled(created.id, ["ready"])
      const hourAgo = new Date(Date.now() - 3_600_000)
      // A worker that claimed it and died: recently, it is still its run; an hour ago, it is stale.
      await pg("b2b_price_import").where({ id: created.id }).update({ status: "validating", updated_at: new Date() })
      expect(await b2b.listStalePriceImports()).toEqual([])
      await pg("b2b_price_import").where({ id: created.id }).update({ updated_at: hourAgo })
      expect(await b2b.listStalePriceImports()).toEqual([{ id: created.id, status: "validating" }])
      await resumeStalePriceImportsWorkflow(container).run({ input: {} })
      expect(await settled(created.id, ["ready", "failed", "invalid"])).toMatchObject({ status: "ready", added: 2, changed: 1, removed: 1, unchanged: 2 })

      await pg("b2b_price_import").where({ id: created.id }).update({ status: "applying", apply_when_ready: true, started_at: hourAgo, updated_at: hourAgo })
      await resumeStalePriceImportsWorkflow(container).run({ input: {} })
      expect(await settled(created.id, ["applied", "failed"])).toMatchObject({ status: "applied", applied: 4 })
      expect(withoutIds(await priceList()).map((p) => [p.sku, p.amount])).toEqual([
        ["B2B-1", 50],
        ["B2B-1", 42],
        ["B2B-3", 20],
        ["B2B-4", 15],
        ["B2B-5", 16.5],
      ])
      expect(await b2b.listStalePriceImports()).toEqual([])
    })

    it("bad uploads are 400s naming the field or column", async () => {
      const url = `/admin/b2b/contracts/${contract.contractId}/price-imports`
      const notMultipart = await failure(api.post(url, { file: "x" }, store.admin))
      expect(notMultipart).toMatchObject({ status: 400, message: expect.stringContaining("multipart/form-data") })
      const noFile = new FormData()
      noFile.append("apply", "false")
      expect(await failure(api.post(url, noFile, store.admin))).toMatchObject({ status: 400, message: "file: attach the prices CSV" })
      const badColumn = await failure(upload("sku,currency,price\nB2B-1,eur,1\n"))
      expect(badColumn.status).toBe(400)
      expect(badColumn.message).toContain("line 1: price: unknown column")
      const missing = await failure(upload("sku,amount\nB2B-1,1\n"))
      expect(missing.message).toContain("currency: missing column")
      const badApply = await failure(upload(NEW_LIST, { apply: "maybe" }))
      expect(badApply).toMatchObject({ status: 400, message: expect.stringContaining("apply") })
      const unknownContract = await failure(api.post(`/admin/b2b/contracts/ctr_nope/price-imports`, (() => {
        const body = new FormData()
        body.append("file", new Blob([NEW_LIST], { type: "text/csv" }), "prices.csv")
        return body
      })(), store.admin))
      expect(unknownContract.status).toBe(404)
      const { data } = await api.get(`/admin/b2b/contracts/${contract.contractId}/price-imports`, store.admin)
      expect(data.count).toBe(0)
    })
  },
})
