/**
 * BENCH-ONLY: the contract prices the B2B import bench loads, the same rows for our CSV import
 * and for Medusa's native batch route: BANDS volume bands per variant (1–9, 10–49, 50–99,
 * 100–499, 500+), so `size` rows are size / BANDS variants of the seeded catalogue.
 */
import fs from "node:fs"
import path from "node:path"

export const BENCH_CURRENCY = "eur"
export const VARIANTS_PER_PRODUCT = 100
export const BANDS: [number, number | null][] = [
  [1, 9],
  [10, 49],
  [50, 99],
  [100, 499],
  [500, null],
]

export const benchSku = (index: number) => `B2BB-${String(index).padStart(7, "0")}`

export type BenchPriceRow = { sku: string; amount: string; min_quantity: number; max_quantity: number | null }

/** The rows of a size, in variant then band order; amounts fall with the band and vary by variant. */
export function* benchRows(size: number): Generator<BenchPriceRow> {
  for (let i = 0; i < size; i++) {
    const variant = Math.floor(i / BANDS.length)
    const band = i % BANDS.length
    const [min, max] = BANDS[band]
    yield { sku: benchSku(variant), amount: (95 - band * 6 - (variant % 13) * 0.25).toFixed(2), min_quantity: min, max_quantity: max }
  }
}

export const variantsFor = (size: number) => Math.ceil(size / BANDS.length)

/** Writes the import's CSV of a size once (sku, currency, amount, min_quantity, max_quantity) and returns its path and bytes. */
export async function writePriceCsv(dir: string, size: number): Promise<{ path: string; bytes: number }> {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `prices-${size}.csv`)
  if (!fs.existsSync(file)) {
    const tmp = `${file}.tmp`
    const out = fs.createWriteStream(tmp)
    const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())))
    await write("sku,currency,amount,min_quantity,max_quantity\n")
    let chunk = ""
    for (const r of benchRows(size)) {
      chunk += `${r.sku},${BENCH_CURRENCY},${r.amount},${r.min_quantity},${r.max_quantity ?? ""}\n`
      if (chunk.length > 1 << 16) {
        await write(chunk)
        chunk = ""
      }
    }
    await write(chunk)
    await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())))
    fs.renameSync(tmp, file)
  }
  return { path: file, bytes: fs.statSync(file).size }
}
