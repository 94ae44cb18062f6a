/**
 * BENCH-ONLY: one Medusa app in its own process, serving HTTP (Medusa's own admin routes and the
 * plugin's) on a free port and taking commands from the bench over the IPC channel, so the bench
 * can read this process's peak RSS from /proc while it works, apart from the bench's own memory.
 * The bench starts one per case: its RSS high-water mark is then the case's (app included).
 *
 * Commands (process.send): seed (the catalogue), api-key (a secret admin key for the native
 * route), contract (a company with an active contract), import (our streamed import of a CSV,
 * through the upload's workflow and the worker's subscriber, until applied), rss.
 */
import fs from "node:fs"
import http from "node:http"
import type { AddressInfo } from "node:net"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import loaders, { initializeContainer } from "@medusajs/medusa/loaders/index"
import express from "express"
import { B2B_MODULE } from "../../../src/modules/b2b"
import type B2bModuleService from "../../../src/modules/b2b/service"
import { ensureDemoStore } from "../../../src/scripts/demo-data/store-setup"
import { createCompaniesWorkflow } from "../../../src/workflows/b2b/create-companies"
import { createContractsWorkflow } from "../../../src/workflows/b2b/create-contracts"
import { createPriceImportWorkflow } from "../../../src/workflows/b2b/create-price-import"
import { BENCH_CURRENCY, VARIANTS_PER_PRODUCT, benchSku } from "./rows"

const ROOT = `${__dirname}/../../..`

export type AppCommand =
  | { cmd: "seed"; variants: number }
  | { cmd: "api-key" }
  | { cmd: "contract"; name: string }
  | { cmd: "import"; contract_id: string; path: string }
  | { cmd: "rss" }

export type ImportOutcome = {
  status: string
  failure: string | null
  rows_total: number
  rows_with_errors: number
  added: number
  changed: number
  removed: number
  unchanged: number
  store_ms: number
  validate_ms: number
  apply_ms: number
  total_ms: number
  /** The largest V8 heap measured after a full GC while the import ran. */
  live_heap_bytes: number
}

let container: MedusaContainer

const reply = (id: number, result: unknown, error?: string) => process.send!({ id, result, error })

/** Products of VARIANTS_PER_PRODUCT variants each, SKUs B2BB-000001…, one base price in the bench currency; only the missing ones. */
async function seed(variants: number) {
  const products = Math.ceil(variants / VARIANTS_PER_PRODUCT)
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await pg.raw(`select count(*)::int as n from product where handle like 'b2b-bench-%' and deleted_at is null`)
  const have = rows[0].n as number
  const [profile] = await container.resolve(Modules.FULFILLMENT).listShippingProfiles({ type: "default" })
  const PER_CALL = 10
  for (let first = have; first < products; first += PER_CALL) {
    const batch = Array.from({ length: Math.min(PER_CALL, products - first) }, (_, i) => first + i)
    await createProductsWorkflow(container).run({
      input: {
        products: batch.map((p) => ({
          title: `B2B bench product ${p}`,
          handle: `b2b-bench-${p}`,
          status: ProductStatus.PUBLISHED,
          shipping_profile_id: profile?.id,
          options: [{ title: "Pack", values: Array.from({ length: VARIANTS_PER_PRODUCT }, (_, v) => `P${v}`) }],
          variants: Array.from({ length: VARIANTS_PER_PRODUCT }, (_, v) => ({
            title: `P${v}`,
            sku: benchSku(p * VARIANTS_PER_PRODUCT + v),
            options: { Pack: `P${v}` },
            manage_inventory: false,
            prices: [{ currency_code: BENCH_CURRENCY, amount: 100 }],
          })),
        })),
      },
    })
    process.stderr.write(`  [b2b-import] catalogue: ${(first + batch.length) * VARIANTS_PER_PRODUCT} of ${products * VARIANTS_PER_PRODUCT} variants\n`)
  }
  return { products }
}

async function apiKey() {
  const key = await container.resolve(Modules.API_KEY).createApiKeys({ title: `b2b bench ${Date.now()}`, type: "secret", created_by: "b2b-bench" })
  return { token: key.token }
}

async function contract(name: string) {
  const { result: companies } = await createCompaniesWorkflow(container).run({ input: { companies: [{ name }] } })
  const { result: contracts } = await createContractsWorkflow(container).run({
    input: { contracts: [{ company_id: companies[0].id, title: `${name} contract`, status: "active", valid_from: new Date(Date.UTC(2026, 0, 1)), currency_code: BENCH_CURRENCY }] },
  })
  return { company_id: companies[0].id, customer_group_id: companies[0].customer_group_id, contract_id: contracts[0].id, price_list_id: contracts[0].price_list_id }
}

/** Our import as the admin runs it, with the live heap measured every few seconds: the file streamed into the File module, the import recorded (apply as soon as valid), the worker's subscriber validating, diffing and applying; polled until it ends. */
/** How often the live heap is measured during an import (after a full GC: what is held, not garbage). */
const LIVE_HEAP_EVERY_MS = 5000

async function runImport(contractId: string, path: string): Promise<ImportOutcome> {
  const gc = (globalThis as { gc?: () => void }).gc
  let liveHeap = 0
  const sample = () => {
    gc?.()
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed)
  }
  const timer = setInterval(sample, LIVE_HEAP_EVERY_MS)
  try {
    const outcome = await importUntilDone(contractId, path)
    sample()
    return { ...outcome, live_heap_bytes: liveHeap }
  } finally {
    clearInterval(timer)
  }
}

async function importUntilDone(contractId: string, path: string): Promise<Omit<ImportOutcome, "live_heap_bytes">> {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const started = Date.now()
  const { writeStream, promise } = await container.resolve(Modules.FILE).getUploadStream({ filename: "prices.csv", mimeType: "text/csv", access: "private" })
  await new Promise<void>((resolve, reject) => fs.createReadStream(path).on("error", reject).pipe(writeStream).on("error", reject).on("finish", resolve))
  const stored = await promise
  const storeMs = Date.now() - started
  const { result } = await createPriceImportWorkflow(container).run({
    input: { contract_id: contractId, file: { file_key: stored.key, name: "prices.csv", size: fs.statSync(path).size }, apply_when_ready: true },
  })
  for (;;) {
    const job = await b2b.retrievePriceImport(result.id)
    if (["applied", "failed", "invalid"].includes(job.status)) {
      const t = (d: Date | string | null | undefined) => (d ? new Date(d).getTime() : Date.now())
      return {
        status: job.status,
        failure: job.failure ?? (job.status === "invalid" ? JSON.stringify(job.errors).slice(0, 500) : null),
        rows_total: job.rows_total,
        rows_with_errors: job.rows_with_errors,
        added: job.added,
        changed: job.changed,
        removed: job.removed,
        unchanged: job.unchanged,
        store_ms: storeMs,
        validate_ms: t(job.validated_at) - t(job.started_at),
        apply_ms: t(job.finished_at) - t(job.validated_at),
        total_ms: Date.now() - started,
      }
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function handle(message: AppCommand & { id: number }) {
  try {
    switch (message.cmd) {
      case "seed":
        return reply(message.id, await seed(message.variants))
      case "api-key":
        return reply(message.id, await apiKey())
      case "contract":
        return reply(message.id, await contract(message.name))
      case "import":
        return reply(message.id, await runImport(message.contract_id, message.path))
      case "rss":
        return reply(message.id, { rss: process.memoryUsage.rss() })
    }
  } catch (e) {
    reply(message.id, null, e instanceof Error ? `${e.message}\n${e.stack}` : String(e))
  }
}

async function main() {
  await initializeContainer(ROOT, { skipDbConnection: true })
  const app = express()
  const loaded = await loaders({ directory: ROOT, expressApp: app })
  container = loaded.container
  await ensureDemoStore(container, [])
  const server = http.createServer(app).listen(0, "127.0.0.1")
  await new Promise<void>((resolve) => server.on("listening", () => resolve()))
  process.on("message", (m) => void handle(m as AppCommand & { id: number }))
  process.on("disconnect", () => {
    server.close()
    void loaded.shutdown().finally(() => process.exit(0))
  })
  process.send!({ ready: true, port: (server.address() as AddressInfo).port, rss: process.memoryUsage.rss() })
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`)
  process.exit(1)
})
