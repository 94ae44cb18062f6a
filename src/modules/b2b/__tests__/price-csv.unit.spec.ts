import { findOverlappingBands, bandApplies } from "../utils/bands"
import { assertPriceHeader, parsePriceLine, readPriceHeader } from "../utils/price-csv"

const contract = { currency_code: "eur" }

describe("a price CSV's header", () => {
  it("takes the columns in any order and case, with sku or variant_id and optional quantities", () => {
    expect(readPriceHeader([" SKU ", "Amount", "currency"])).toEqual({ columns: ["sku", "amount", "currency"] })
    expect(readPriceHeader(["variant_id", "currency", "amount", "min_quantity", "max_quantity"]).columns).toHaveLength(5)
  })

  it("fails the file on an unknown, repeated or missing column, naming it", () => {
    expect(() => assertPriceHeader(["sku", "currency", "amount", "price"])).toThrow("line 1: price: unknown column; the columns are sku, variant_id, currency, amount, min_quantity, max_quantity")
    expect(readPriceHeader(["sku", "sku", "currency", "amount"]).error).toEqual({ line: 1, field: "sku", message: "column appears twice" })
    expect(() => assertPriceHeader(["currency", "amount"])).toThrow("line 1: sku: missing column; name the variant by a sku or a variant_id column (or both)")
    expect(() => assertPriceHeader(["sku", "amount"])).toThrow("line 1: currency: missing column")
  })
})

describe("a price CSV's line", () => {
  const line = (values: Record<string, string>) => parsePriceLine(7, { sku: "", variant_id: "", currency: "eur", amount: "1", min_quantity: "", max_quantity: "", ...values }, contract)

  it("normalises a good line: lower-case currency, leading zeros dropped, empty bands open", () => {
    expect(line({ sku: " SKU-1 ", currency: "EUR", amount: "0019.90", min_quantity: "50" })).toEqual({
      row: { line: 7, sku: "SKU-1", variant_id: null, currency_code: "eur", amount: "19.90", min_quantity: 50, max_quantity: null },
    })
    expect(line({ variant_id: "variant_1", amount: "0.5" }).row).toMatchObject({ variant_id: "variant_1", amount: "0.5", min_quantity: null })
  })

  it("names the line and the column of every problem", () => {
    expect(line({ currency: "usd", amount: "19,90", min_quantity: "0", max_quantity: "x" }).errors).toEqual([
      { line: 7, field: "sku", message: "name the variant: give its sku or its variant_id" },
      { line: 7, field: "currency", message: "must be eur, the contract's currency (got usd)" },
      { line: 7, field: "amount", message: "must be an amount above 0 with a dot for decimals (at most 4), e.g. 19.90" },
      { line: 7, field: "min_quantity", message: "must be a whole number from 1 to 2147483647 (or empty: no minimum)" },
      { line: 7, field: "max_quantity", message: "must be a whole number from 1 to 2147483647 (or empty: no maximum)" },
    ])
    expect(line({ sku: "A", amount: "0.00", min_quantity: "10", max_quantity: "9", currency: "" }).errors).toEqual([
      { line: 7, field: "currency", message: "required: the contract's currency, eur" },
      { line: 7, field: "amount", message: "must be above 0" },
      { line: 7, field: "max_quantity", message: "must not be below min_quantity (10)" },
    ])
    expect(line({ sku: "A", amount: "-1", currency: "euro" }).errors!.map((e) => e.field)).toEqual(["currency", "amount"])
  })
})

describe("quantity bands", () => {
  it("finds each band overlapping an earlier one; touching ends overlap, as Medusa includes both", () => {
    const bands = [
      { min_quantity: 1, max_quantity: 49 },
      { min_quantity: 50, max_quantity: null },
      { min_quantity: 49, max_quantity: 49 },
      { min_quantity: null, max_quantity: null },
    ]
    expect(findOverlappingBands(bands).map(({ band, other }) => [bands.indexOf(band), bands.indexOf(other)])).toEqual([
      [2, 0],
      [3, 0],
    ])
  })

  it("applies a band at a quantity as Medusa does, and without a quantity only from 1 or open", () => {
    expect(bandApplies({ min_quantity: 50, max_quantity: null }, 50)).toBe(true)
    expect(bandApplies({ min_quantity: 1, max_quantity: 49 }, 50)).toBe(false)
    expect(bandApplies({ min_quantity: 1, max_quantity: 49 }, undefined)).toBe(true)
    expect(bandApplies({ min_quantity: 50, max_quantity: null }, undefined)).toBe(false)
    expect(bandApplies({ min_quantity: null, max_quantity: 10 }, 10)).toBe(true)
  })
})
