import { MedusaError } from "@medusajs/framework/utils"
import type { PriceRowError } from "../types"

/** The columns of a contract price CSV, in the order the export writes them. */
export const PRICE_CSV_COLUMNS = ["sku", "variant_id", "currency", "amount", "min_quantity", "max_quantity"] as const
export type PriceCsvColumn = (typeof PRICE_CSV_COLUMNS)[number]

/** Quantity columns are 32-bit integers in Medusa's price table. */
export const MAX_QUANTITY = 2_147_483_647
/** Largest upload accepted (the import's byte counters are 32-bit integers). */
export const MAX_PRICE_FILE_BYTES = 2 ** 31 - 1

/** `line 7: amount: must be an amount above 0…` */
export function formatPriceRowError(error: PriceRowError): string {
  return `line ${error.line}: ${error.field}: ${error.message}`
}

/**
 * Column names from the header line, matched trimmed and case-insensitively in any order.
 * `currency` and `amount` are required, and `sku` or `variant_id` (or both); the quantity columns
 * may be left out (no bands). An unknown, repeated or missing column is the file's error, naming it.
 */
export function readPriceHeader(header: string[]): { columns: PriceCsvColumn[]; error?: never } | { error: PriceRowError; columns?: never } {
  const names = header.map((h) => h.trim().toLowerCase())
  const fail = (field: string, message: string) => ({ error: { line: 1, field, message } })
  const seen = new Set<string>()
  for (const name of names) {
    if (!(PRICE_CSV_COLUMNS as readonly string[]).includes(name)) {
      return fail(name || "(empty)", `unknown column; the columns are ${PRICE_CSV_COLUMNS.join(", ")}`)
    }
    if (seen.has(name)) {
      return fail(name, "column appears twice")
    }
    seen.add(name)
  }
  if (!seen.has("sku") && !seen.has("variant_id")) {
    return fail("sku", "missing column; name the variant by a sku or a variant_id column (or both)")
  }
  for (const name of ["currency", "amount"]) {
    if (!seen.has(name)) {
      return fail(name, `missing column; the first line must name the columns ${PRICE_CSV_COLUMNS.join(", ")} (sku or variant_id, quantities optional)`)
    }
  }
  return { columns: names as PriceCsvColumn[] }
}

/** The header check of an upload: throws INVALID_DATA naming the column. */
export function assertPriceHeader(header: string[]): void {
  const { error } = readPriceHeader(header)
  if (error) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, formatPriceRowError(error))
  }
}

/** A line of the file as read, before its variant is looked up. */
export type ParsedPriceLine = {
  line: number
  sku: string | null
  variant_id: string | null
  currency_code: string
  amount: string
  min_quantity: number | null
  max_quantity: number | null
}

const AMOUNT = /^(\d{1,15})(?:\.(\d{1,4}))?$/
const WHOLE = /^\d{1,10}$/

function quantity(raw: string | undefined, field: "min_quantity" | "max_quantity", errors: PriceRowError[], line: number): number | null {
  const value = (raw ?? "").trim()
  if (!value) {
    return null
  }
  const n = WHOLE.test(value) ? Number(value) : NaN
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_QUANTITY) {
    errors.push({ line, field, message: `must be a whole number from 1 to ${MAX_QUANTITY} (or empty: no ${field === "min_quantity" ? "minimum" : "maximum"})` })
    return null
  }
  return n
}

/**
 * Validates one line: the variant named by sku or variant_id, the currency (the contract's),
 * an amount above 0 with a dot for decimals, and a band of whole quantities whose maximum is not
 * below its minimum. Every problem is reported, each naming its column.
 */
export function parsePriceLine(
  line: number,
  values: Partial<Record<PriceCsvColumn, string>>,
  contract: { currency_code: string }
): { row: ParsedPriceLine; errors?: never } | { errors: PriceRowError[]; row?: never } {
  const errors: PriceRowError[] = []
  const sku = (values.sku ?? "").trim() || null
  const variantId = (values.variant_id ?? "").trim() || null
  if (!sku && !variantId) {
    errors.push({ line, field: "sku" in values ? "sku" : "variant_id", message: "name the variant: give its sku or its variant_id" })
  }
  const currency = (values.currency ?? "").trim().toLowerCase()
  if (!currency) {
    errors.push({ line, field: "currency", message: `required: the contract's currency, ${contract.currency_code}` })
  } else if (!/^[a-z]{3}$/.test(currency)) {
    errors.push({ line, field: "currency", message: `must be a three-letter currency code (ISO 4217), here ${contract.currency_code}` })
  } else if (currency !== contract.currency_code) {
    errors.push({ line, field: "currency", message: `must be ${contract.currency_code}, the contract's currency (got ${currency})` })
  }
  const rawAmount = (values.amount ?? "").trim()
  const match = AMOUNT.exec(rawAmount)
  let amount = ""
  if (!rawAmount) {
    errors.push({ line, field: "amount", message: "required: the price, e.g. 19.90" })
  } else if (!match) {
    errors.push({ line, field: "amount", message: "must be an amount above 0 with a dot for decimals (at most 4), e.g. 19.90" })
  } else {
    amount = `${match[1].replace(/^0+(?=\d)/, "")}${match[2] ? `.${match[2]}` : ""}`
    if (/^[0.]+$/.test(amount)) {
      errors.push({ line, field: "amount", message: "must be above 0" })
    }
  }
  const min = quantity(values.min_quantity, "min_quantity", errors, line)
  const max = quantity(values.max_quantity, "max_quantity", errors, line)
  if (min !== null && max !== null && max < min) {
    errors.push({ line, field: "max_quantity", message: `must not be below min_quantity (${min})` })
  }
  if (errors.length) {
    return { errors }
  }
  return { row: { line, sku, variant_id: variantId, currency_code: currency, amount, min_quantity: min, max_quantity: max } }
}
