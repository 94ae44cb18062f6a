import { Readable } from "node:stream"
import { CUSTOMER_COLUMNS, ORDER_COLUMNS, readCsvLines, type CsvLine, type HistoryFile } from "../utils/history-csv"
import { parseCustomerRow, parseHistoryDate, parseOrderRow } from "../utils/history-rows"

const ORDERS_HEADER = ORDER_COLUMNS.join(",")
const CUSTOMERS_HEADER = CUSTOMER_COLUMNS.join(",")

/** The text split into chunks of `size` bytes, as a stream delivers it (a CRLF or a UTF-8 character may straddle two). */
function chunked(text: string, size: number): Readable {
  const bytes = Buffer.from(text, "utf8")
  const chunks: Buffer[] = []
  for (let i = 0; i < bytes.length; i += size) {
    chunks.push(bytes.subarray(i, i + size))
  }
  return Readable.from(chunks)
}

async function lines(text: string, file: HistoryFile = "orders.csv", chunkSize = 7): Promise<CsvLine[]> {
  const out: CsvLine[] = []
  for await (const line of readCsvLines(chunked(text, chunkSize), file)) {
    out.push(line)
  }
  return out
}

const orderValues = (ref: string, sku = "SKU-1") => ({
  order_ref: ref,
  email: "a@example.com",
  placed_at: "2022-05-01",
  currency_code: "eur",
  sku,
  quantity: "1",
  unit_amount: "9.90",
  refunded_quantity: "0",
})

describe("reading a history file", () => {
  it("numbers lines as the file does, through a BOM, CRLF, empty lines and quoted line breaks, in any chunking", async () => {
    const text =
      "\uFEFF" +
      [
        ORDERS_HEADER,
        "A-1,a@example.com,2022-05-01,eur,SKU-1,1,9.90,0",
        "",
        `"A-2","a@example.com",2022-05-01,eur,"SKU ""2""",1,9.90,0`,
        `A-3,a@example.com,2022-05-01,eur,"two`,
        `lines",1,9.90,0`,
        "A-4,a@example.com,2022-05-01,eur,Süß,1,9.90,0",
        ",,,,,,,",
        "",
      ].join("\r\n")
    for (const size of [1, 2, 3, 7, 1024]) {
      const read = await lines(text, "orders.csv", size)
      expect(read.map((l) => [l.line, l.values?.order_ref, l.values?.sku])).toEqual([
        [2, "A-1", "SKU-1"],
        [4, "A-2", 'SKU "2"'],
        [5, "A-3", "two\nlines"],
        [7, "A-4", "Süß"],
      ])
    }
  })

  it("matches header names trimmed, case-insensitively and in any order", async () => {
    const header = [...ORDER_COLUMNS].reverse().map((c) => ` ${c.toUpperCase()} `).join(",")
    const [line] = await lines(`${header}\n0,9.90,1,SKU-1,eur,2022-05-01,a@example.com,A-1\n`)
    expect(line).toEqual({ line: 2, values: orderValues("A-1") })
  })

  it("fails the file on a missing, unknown or repeated column, naming it", async () => {
    await expect(lines(`${ORDER_COLUMNS.slice(0, -1).join(",")}\n`)).rejects.toThrow(
      "orders.csv line 1: refunded_quantity: missing column; the first line must name the columns order_ref, email, placed_at"
    )
    await expect(lines(`${ORDERS_HEADER},coupon\n`)).rejects.toThrow("orders.csv line 1: coupon: unknown column; the columns of orders.csv are")
    await expect(lines(`${CUSTOMERS_HEADER},email\n`, "customers.csv")).rejects.toThrow("customers.csv line 1: email: column appears twice")
    await expect(lines("", "customers.csv")).rejects.toThrow("customers.csv line 1: row: the file is empty")
  })

  it("reports a line with the wrong number of values or a broken quote as that line's error, and goes on", async () => {
    const read = await lines([ORDERS_HEADER, "A-1,a@example.com,2022-05-01,eur,SKU-1,1,9.90", `A-2,a@example.com,2022-05-01,eur,"SKU"x,1,9.90,0`, "A-3,a@example.com,2022-05-01,eur,SKU-1,1,9.90,0"].join("\n"))
    expect(read[0]).toEqual({ line: 2, error: { file: "orders.csv", line: 2, field: "row", message: "has 7 values; the header names 8 columns" } })
    expect(read[1]).toMatchObject({ error: { file: "orders.csv", line: 3, field: "row", message: "a quoted value must be followed by a comma or the end of the line" } })
    expect(read.filter((l) => l.error)).toHaveLength(read.length - read.filter((l) => l.values).length)
  })
})

describe("validating a line", () => {
  it("names the file, the line and the field of every error in an orders.csv line", () => {
    const bad = { ...orderValues(""), email: "nope", placed_at: "01/05/2022", currency_code: "euro", quantity: "1.5", unit_amount: "9,90", refunded_quantity: "-1" }
    expect(parseOrderRow(17, bad)).toEqual({
      errors: [
        { file: "orders.csv", line: 17, field: "order_ref", message: "is required" },
        { file: "orders.csv", line: 17, field: "email", message: "must be an e-mail address" },
        { file: "orders.csv", line: 17, field: "placed_at", message: "must be a date like 2021-03-15 or 2021-03-15T14:30:00Z" },
        { file: "orders.csv", line: 17, field: "currency_code", message: "must be a three-letter currency code (ISO 4217), e.g. eur" },
        { file: "orders.csv", line: 17, field: "quantity", message: "must be a whole number ≥ 1" },
        { file: "orders.csv", line: 17, field: "unit_amount", message: "must be an amount ≥ 0 with a dot for decimals, e.g. 19.90" },
        { file: "orders.csv", line: 17, field: "refunded_quantity", message: "must be a whole number ≥ 0" },
      ],
    })
    expect(parseOrderRow(3, { ...orderValues("A-1"), quantity: "" }).errors).toEqual([
      { file: "orders.csv", line: 3, field: "quantity", message: "must be a whole number ≥ 1 (it is empty)" },
    ])
    expect(parseOrderRow(4, { ...orderValues("A-1"), quantity: "2", refunded_quantity: "3" }).errors).toEqual([
      { file: "orders.csv", line: 4, field: "refunded_quantity", message: "must not exceed quantity" },
    ])
  })

  it("normalises a good orders.csv line: lower-cased e-mail and currency, empty refunds as 0, amounts as decimal strings", () => {
    expect(parseOrderRow(2, { ...orderValues(" A-1 "), email: " Ada@Example.COM ", currency_code: "EUR", refunded_quantity: "", unit_amount: "0.10" })).toEqual({
      row: {
        line: 2,
        order_ref: "A-1",
        email: "ada@example.com",
        placed_at: new Date("2022-05-01T00:00:00Z"),
        currency_code: "eur",
        sku: "SKU-1",
        quantity: 1,
        unit_amount: "0.10",
        refunded_quantity: 0,
      },
    })
  })

  it("reads marketing_consent true/false/empty, where empty is no consent, and metadata as a JSON object", () => {
    const values = (extra: Record<string, string>) => ({
      email: "a@example.com",
      first_name: "",
      last_name: "",
      phone: "",
      country_code: "DE",
      city: "",
      postal_code: "",
      created_at: "",
      marketing_consent: "",
      metadata: "",
      ...extra,
    })
    expect(parseCustomerRow(2, values({})).row).toMatchObject({ marketing_consent: false, metadata: null, country_code: "de", first_name: null, created_at: null })
    expect(parseCustomerRow(2, values({ marketing_consent: "TRUE" })).row).toMatchObject({ marketing_consent: true })
    expect(parseCustomerRow(2, values({ marketing_consent: "false", metadata: '{"vip":true}' })).row).toMatchObject({ marketing_consent: false, metadata: { vip: true } })
    expect(parseCustomerRow(9, values({ marketing_consent: "yes", metadata: "[1]" })).errors).toEqual([
      { file: "customers.csv", line: 9, field: "marketing_consent", message: "must be true, false or empty (empty means no consent)" },
      { file: "customers.csv", line: 9, field: "metadata", message: 'must be a JSON object, e.g. {"source":"old-shop"}' },
    ])
    expect(parseCustomerRow(9, values({ metadata: '{"marketing_consent":true}' })).errors).toEqual([
      { file: "customers.csv", line: 9, field: "metadata", message: "must not carry marketing_consent: use the marketing_consent column" },
    ])
  })

  it("reads dates as UTC days or ISO times, refusing days that do not exist and the future", () => {
    expect(parseHistoryDate("2021-03-15")).toEqual(new Date("2021-03-15T00:00:00Z"))
    expect(parseHistoryDate("2021-03-15 14:30")).toEqual(new Date("2021-03-15T14:30:00Z"))
    expect(parseHistoryDate("2021-03-15T14:30:00+02:00")).toEqual(new Date("2021-03-15T12:30:00Z"))
    expect(parseHistoryDate("2021-02-29")).toMatch("does not exist")
    expect(parseHistoryDate("2021-03-15T25:00:00Z")).toMatch("does not exist")
    expect(parseHistoryDate(`${new Date().getUTCFullYear() + 1}-01-01`)).toBe("must not be in the future")
    expect(parseHistoryDate("15.03.2021")).toBe("must be a date like 2021-03-15 or 2021-03-15T14:30:00Z")
  })
})
