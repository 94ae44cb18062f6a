import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { CUSTOMER_FACTS_MODULE } from "../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../src/modules/customer-facts/service"
import { createHistoryImportWorkflow } from "../../src/workflows/customer-facts/import-history-create"
import { importHistoryWorkflow } from "../../src/workflows/customer-facts/import-history"
import { isHistoryImportEvent } from "../../src/workflows/customer-facts/import-history-events"
import { adminHeaders } from "../helpers/auth"
import { eventually, failure } from "../helpers/requests"

jest.setTimeout(300_000)

type Headers = { headers: Record<string, string> }
type Pg = Knex
type HistoryImportBody = Record<string, any>

const CUSTOMERS_HEADER = "email,first_name,last_name,phone,country_code,city,postal_code,created_at,marketing_consent,metadata"
const ORDERS_HEADER = "order_ref,email,placed_at,currency_code,sku,quantity,unit_amount,refunded_quantity"

// A BOM and CRLF line ends, as spreadsheets export; lines 5-7 are bad.
const CUSTOMERS_CSV =
  "\uFEFF" +
  [
    CUSTOMERS_HEADER,
    `ada@example.com,Ada,Lovelace,+44 20 1234,GB,London,NW1,2019-03-15,true,"{""source"":""old-shop""}"`,
    `EXISTING@example.com,Eva,Existing,,de,Berlin,10115,,,"{""tier"":""gold""}"`,
    `bob@example.com,Bob,Builder,,fr,Paris,75001,2020-01-01T10:00:00Z,,`,
    `bad-email,X,Y,,,,,,,`,
    `carl@example.com,Carl,,,XX1,,,,maybe,`,
    `dina@example.com,Dina,D,,es,Madrid,28001,2021-02-30,false,`,
  ].join("\r\n") +
  "\r\n"

// The lines of order A-1 are not adjacent; lines 6-9 are bad.
const ORDERS_CSV = [
  ORDERS_HEADER,
  `A-1,ada@example.com,2022-05-01,eur,PF2-EN,1,199.00,0`,
  `B-1,bob@example.com,2023-01-10,eur,PF2-EN,2,199.00,1`,
  `A-1,ADA@example.com,2022-05-01,EUR,OLD-SKU,2,15.50,`,
  `A-2,ada@example.com,2024-06-01T12:00:00Z,eur,PF3-EN,1,249.00,0`,
  `B-1,bob@example.com,2023-01-10,eur,ADDON,0,5,0`,
  `C-1,nobody@example.com,2023-01-10,eur,PF2-EN,1,10,0`,
  `E-1,existing@EXAMPLE.com,2021-01-01,usd,PF2-EN,1,"9,90",0`,
  `E-1,existing@example.com,2021-01-01,usd,PF3-EN,1,12.5,2`,
  `E-2,existing@example.com,2021-06-01,usd,OLD-SKU,3,4,0`,
].join("\n")

const EXPECTED_ERRORS = [
  { file: "customers.csv", line: 5, field: "email", message: "must be an e-mail address" },
  { file: "customers.csv", line: 6, field: "country_code", message: "must be a two-letter country code (ISO 3166-1), e.g. de" },
  { file: "customers.csv", line: 6, field: "marketing_consent", message: "must be true, false or empty (empty means no consent)" },
  { file: "customers.csv", line: 7, field: "created_at", message: "must be a date like 2021-03-15 or 2021-03-15T14:30:00Z (this one does not exist)" },
  { file: "orders.csv", line: 6, field: "quantity", message: "must be a whole number ≥ 1" },
  { file: "orders.csv", line: 7, field: "email", message: "no customer has this e-mail; add the customer to customers.csv" },
  { file: "orders.csv", line: 8, field: "unit_amount", message: "must be an amount ≥ 0 with a dot for decimals, e.g. 19.90" },
  { file: "orders.csv", line: 9, field: "refunded_quantity", message: "must not exceed quantity" },
]

const FACT_TABLES = ["customer_fact", "customer_spend_fact", "order_fact", "purchase_fact", "customer_product_fact", "consent_record"] as const
const VOLATILE = new Set(["id", "created_at", "updated_at", "refreshed_at", "recorded_at"])

/** Every facts table's content, without ids and write times, in a stable order. */
async function factsSnapshot(pg: Pg) {
  const out: Record<string, unknown[]> = {}
  for (const table of FACT_TABLES) {
    const rows: Record<string, unknown>[] = await pg(table).select("*")
    out[table] = rows
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !VOLATILE.has(k))))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  }
  return JSON.parse(JSON.stringify(out)) as typeof out
}

function form(files: { customers?: string; orders?: string }, fields: Record<string, string> = {}, names = { customers: "customers.csv", orders: "orders.csv" }) {
  const body = new FormData()
  for (const [field, value] of Object.entries(fields)) {
    body.append(field, value)
  }
  if (files.customers !== undefined) {
    body.append("customers", new Blob([files.customers], { type: "text/csv" }), names.customers)
  }
  if (files.orders !== undefined) {
    body.append("orders", new Blob([files.orders], { type: "text/csv" }), names.orders)
  }
  return body
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pg: Pg
    let facts: CustomerFactsModuleService
    let admin: Headers
    let existingId: string
    let variants: Record<string, { id: string; product_id: string }>

    const upload = async (files: { customers?: string; orders?: string }, fields: Record<string, string> = {}) => {
      const { data, status } = await api.post("/admin/customer-facts/imports", form(files, fields), admin).catch((e) => { throw new Error(JSON.stringify(e.response?.data)) })
      expect(status).toBe(202)
      return data.history_import as HistoryImportBody
    }

    const finished = async (id: string) => {
      const done = await eventually(
        async () => (await api.get(`/admin/customer-facts/imports/${id}`, admin)).data.history_import as HistoryImportBody,
        (job) => job.status === "completed" || job.status === "failed",
        120_000
      )
      expect(done).toMatchObject({ status: "completed", failure: null })
      return done
    }

    const counts = (job: HistoryImportBody) => ({
      customers_rows: job.customers_rows,
      orders_rows: job.orders_rows,
      customers_created: job.customers_created,
      customers_matched: job.customers_matched,
      customers_updated: job.customers_updated,
      consents_recorded: job.consents_recorded,
      orders_created: job.orders_created,
      orders_updated: job.orders_updated,
      lines_upserted: job.lines_upserted,
      unknown_sku_count: job.unknown_sku_count,
      unknown_skus: job.unknown_skus,
      rows_with_errors: job.rows_with_errors,
    })

    const FIRST_IMPORT = {
      customers_rows: 6,
      orders_rows: 9,
      customers_created: 2,
      customers_matched: 1,
      customers_updated: 1,
      consents_recorded: 3,
      orders_created: 4,
      orders_updated: 0,
      lines_upserted: 5,
      unknown_sku_count: 1,
      unknown_skus: ["OLD-SKU"],
      rows_with_errors: 7,
    }

    beforeAll(async () => {
      container = getContainer()
      pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      facts = container.resolve(CUSTOMER_FACTS_MODULE)
      admin = await adminHeaders(container, api)
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "PixelForge",
              options: [{ title: "Edition", values: ["2.0", "3.0"] }],
              variants: [
                { title: "2.0", sku: "PF2-EN", options: { Edition: "2.0" }, prices: [] },
                { title: "3.0", sku: "PF3-EN", options: { Edition: "3.0" }, prices: [] },
              ],
            },
          ],
        },
      })
      variants = Object.fromEntries(result[0].variants.map((v) => [v.sku!, { id: v.id, product_id: result[0].id }]))
      const customers = container.resolve(Modules.CUSTOMER)
      existingId = (await customers.createCustomers({ email: "Existing@Example.com", first_name: "Eve" })).id
      await eventually(
        () => facts.listCustomerFacts({ customer_id: existingId }),
        (rows) => rows.length === 1
      )
    })

    it("refuses bad uploads with a 400 naming the field or the column", async () => {
      const post = (body: unknown, headers = admin) => failure(api.post("/admin/customer-facts/imports", body, headers))
      expect(await post({ dry_run: true })).toEqual({
        status: 400,
        message: "Content-Type must be multipart/form-data, with the files in the fields customers and/or orders",
      })
      expect(await post(form({}, { dry_run: "true" }))).toMatchObject({ status: 400, message: expect.stringContaining("customers or orders") })
      expect(await post(form({ customers: CUSTOMERS_CSV }, { dry_run: "maybe" }))).toMatchObject({
        status: 400,
        message: expect.stringContaining("dry_run"),
      })
      expect(await post(form({ customers: CUSTOMERS_CSV }, { mode: "x" }))).toMatchObject({ status: 400, message: expect.stringContaining("mode") })
      const png = new FormData()
      png.append("customers", new Blob([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0])], { type: "image/png" }), "logo.png")
      expect(await post(png)).toEqual({ status: 400, message: 'customers: must be a CSV file (got "logo.png", image/png)' })
      const xlsxAsCsv = new FormData()
      xlsxAsCsv.append("orders", new Blob([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 10])], { type: "text/csv" }), "orders.csv")
      expect(await post(xlsxAsCsv)).toMatchObject({ status: 400, message: expect.stringContaining("orders: orders.csv must be a CSV text file") })
      expect(await post(form({ customers: "email,first_name,last_name,phone,country_code,city,postal_code,created_at,marketing_consent\n" }))).toEqual({
        status: 400,
        message: expect.stringContaining("customers.csv line 1: metadata: missing column"),
      })
      expect(await post(form({ orders: `${ORDERS_HEADER},coupon\n` }))).toEqual({
        status: 400,
        message: expect.stringContaining("orders.csv line 1: coupon: unknown column"),
      })
      const extra = form({ customers: CUSTOMERS_CSV })
      extra.append("payments", new Blob(["a,b\n"], { type: "text/csv" }), "payments.csv")
      expect(await post(extra)).toMatchObject({ status: 400, message: expect.stringContaining("payments") })
      expect(await facts.listHistoryImports({})).toHaveLength(0)
    })

    it("counts in a dry run what the import would do, with line-numbered errors, and writes nothing else", async () => {
      const customersBefore = await pg("customer").count("* as n").first()
      const factsBefore = await factsSnapshot(pg)
      const job = await finished((await upload({ customers: CUSTOMERS_CSV, orders: ORDERS_CSV }, { dry_run: "true" })).id)
      expect(job.dry_run).toBe(true)
      expect(counts(job)).toEqual(FIRST_IMPORT)
      expect(job.errors).toEqual(EXPECTED_ERRORS)
      expect(job.bytes_read).toBe(job.customers_file_size + job.orders_file_size)
      expect(await pg("customer").count("* as n").first()).toEqual(customersBefore)
      expect(await factsSnapshot(pg)).toEqual(factsBefore)
    })

    it("imports customers and orders into Medusa and the facts, and a re-import updates without duplicating", async () => {
      const addressEvents: { eventGroupId?: string }[] = []
      container.resolve(Modules.EVENT_BUS).subscribe(
        "customer.customer-address.created",
        async (event: { metadata?: { eventGroupId?: string } }) => {
          addressEvents.push(event.metadata ?? {})
        },
        { subscriberId: "history-import-spec-address-probe" }
      )
      const first = await finished((await upload({ customers: CUSTOMERS_CSV, orders: ORDERS_CSV })).id)
      expect(counts(first)).toEqual(FIRST_IMPORT)
      // The Customer module's events come grouped per batch of the import, released after it.
      expect(addressEvents).toHaveLength(3)
      expect(addressEvents.every((m) => isHistoryImportEvent({ metadata: m }) && m.eventGroupId!.startsWith(`history-import:${first.id}:`))).toBe(true)
      expect(first.errors).toEqual(EXPECTED_ERRORS)

      const customers = container.resolve(Modules.CUSTOMER)
      const [ada] = await customers.listCustomers({ email: "ada@example.com" }, { relations: ["addresses"] })
      expect(ada).toMatchObject({ first_name: "Ada", last_name: "Lovelace", phone: "+44 20 1234", metadata: { source: "old-shop" }, created_by: first.id })
      expect(new Date(ada.created_at).toISOString()).toBe("2019-03-15T00:00:00.000Z")
      expect(ada.addresses).toEqual([expect.objectContaining({ country_code: "gb", city: "London", postal_code: "NW1", is_default_shipping: true })])
      // The existing customer is matched case-insensitively: completed, never duplicated or overwritten.
      const existing = await customers.listCustomers({ email: ["Existing@Example.com", "existing@example.com", "EXISTING@example.com"] }, { relations: ["addresses"] })
      expect(existing).toHaveLength(1)
      expect(existing[0]).toMatchObject({ id: existingId, first_name: "Eve", last_name: "Existing", metadata: { tier: "gold" } })
      expect(existing[0].addresses).toEqual([expect.objectContaining({ country_code: "de", city: "Berlin" })])

      const fact = async (email: string) => (await facts.listCustomerFacts({ email }))[0]
      expect(await fact("ada@example.com")).toMatchObject({ order_count: 2, country_code: "gb", email_marketing_consent: true, main_currency_code: "eur" })
      expect(Number((await fact("ada@example.com")).total_spent)).toBe(479)
      // Empty marketing_consent is no consent, recorded as such.
      expect(await fact("bob@example.com")).toMatchObject({ order_count: 1, email_marketing_consent: false })
      expect(Number((await fact("bob@example.com")).total_spent)).toBe(199)
      const consents = await facts.listConsentRecords({ source: "import" }, { select: ["customer_id", "granted"] })
      expect(consents.map((c) => [c.customer_id, c.granted]).sort()).toEqual(
        [[ada.id, true], [existingId, false], [(await fact("bob@example.com")).customer_id, false]].sort()
      )
      expect(await fact("existing@example.com")).toMatchObject({ customer_id: existingId, order_count: 1, main_currency_code: "usd" })

      // The unknown SKU is kept as an external product; known ones point at the variant.
      const products = await facts.listCustomerProductFacts({ customer_id: ada.id }, { order: { product_key: "ASC" } })
      expect(products.map((p) => [p.product_key, p.product_id, p.variant_id, p.sku, p.quantity])).toEqual(
        [
          ["sku:OLD-SKU", null, null, "OLD-SKU", 2],
          [variants["PF2-EN"].id, variants["PF2-EN"].product_id, variants["PF2-EN"].id, "PF2-EN", 1],
          [variants["PF3-EN"].id, variants["PF3-EN"].product_id, variants["PF3-EN"].id, "PF3-EN", 1],
        ].sort((a, b) => String(a[0]).localeCompare(String(b[0])))
      )
      const [a1] = await facts.listOrderFacts({ source: "import", order_key: "A-1" })
      expect(Number(a1.total)).toBe(230)
      expect(await pg("history_import").where({ id: first.id }).first()).toMatchObject({ status: "completed" })

      const afterFirst = await factsSnapshot(pg)
      const customerCount = await pg("customer").count("* as n").first()
      const second = await finished((await upload({ customers: CUSTOMERS_CSV, orders: ORDERS_CSV })).id)
      expect(counts(second)).toEqual({
        ...FIRST_IMPORT,
        customers_created: 0,
        customers_matched: 3,
        customers_updated: 0,
        consents_recorded: 0,
        orders_created: 0,
        orders_updated: 4,
      })
      expect(await pg("customer").count("* as n").first()).toEqual(customerCount)
      expect(await factsSnapshot(pg)).toEqual(afterFirst)

      // Ada unsubscribes after the import: importing the old file again does not subscribe her again.
      expect(await facts.recordConsents([{ customer_id: ada.id, purpose: "email_marketing", granted: false, source: "unsubscribe" }])).toBe(1)
      const third = await finished((await upload({ customers: CUSTOMERS_CSV })).id)
      expect(third.consents_recorded).toBe(0)
      expect(await fact("ada@example.com")).toMatchObject({ email_marketing_consent: false })
    })

    it("runs real imports one at a time, while a dry run may run beside one", async () => {
      const running = await facts.createHistoryImports({ status: "running", dry_run: false, orders_file_name: "orders.csv" })
      expect(await failure(api.post("/admin/customer-facts/imports", form({ customers: CUSTOMERS_CSV }), admin))).toEqual({
        status: 400,
        message: `Import ${running.id} is running; imports run one at a time, start this one when it has finished`,
      })
      const dry = await finished((await upload({ customers: CUSTOMERS_CSV }, { dry_run: "true" })).id)
      expect(dry.customers_created).toBe(2)
    })

    it("resumes an import that stopped mid-file after its last saved line, creating and counting nothing twice", async () => {
      const files = container.resolve(Modules.FILE)
      const store = async (name: string, content: string) => {
        const { writeStream, promise } = await files.getUploadStream({ filename: name, mimeType: "text/csv", access: "private" })
        writeStream.end(content)
        const stored = await promise
        return { file_key: stored.key, name, size: Buffer.byteLength(content) }
      }
      const create = async () =>
        (
          await createHistoryImportWorkflow(container).run({
            input: { dry_run: false, customers: await store("customers.csv", CUSTOMERS_CSV), orders: await store("orders.csv", ORDERS_CSV), run_in_background: false },
          })
        ).result
      const reference = await create()
      await importHistoryWorkflow(container).run({ input: { import_id: reference.id, batch_size: 2 } })
      const done = await facts.retrieveHistoryImport(reference.id)
      expect(counts(done)).toEqual(FIRST_IMPORT)
      const afterFull = await factsSnapshot(pg)
      const customerCount = await pg("customer").count("* as n").first()

      // The state a crash leaves: customers.csv written through line 3 (its first batch of two
      // good lines), the second batch's customers created but not saved as done, the process gone
      // (and the files still stored: a completed import deletes them).
      await pg("history_import").where({ id: reference.id }).update({
        customers_file_key: (await store("customers.csv", CUSTOMERS_CSV)).file_key,
        orders_file_key: (await store("orders.csv", ORDERS_CSV)).file_key,
        status: "running",
        updated_at: new Date(Date.now() - 30 * 60_000),
        customers_done: false,
        customers_line: 3,
        customers_rows: 2,
        customers_created: 1,
        customers_matched: 1,
        customers_updated: 1,
        consents_recorded: 2,
        rows_with_errors: 0,
        errors: JSON.stringify([]),
        orders_done: false,
        orders_line: 0,
        orders_rows: 0,
        orders_created: 0,
        lines_upserted: 0,
        unknown_sku_count: 0,
        unknown_skus: [],
        bytes_read: 0,
        finished_at: null,
      })
      const { data } = await api.post(`/admin/customer-facts/imports/${reference.id}/resume`, {}, admin)
      expect(data.history_import.id).toBe(reference.id)
      const resumed = await finished(reference.id)
      expect(resumed.attempts).toBe(2)
      expect(counts(resumed)).toEqual(FIRST_IMPORT)
      expect(resumed.errors).toEqual(EXPECTED_ERRORS)
      expect(await pg("customer").count("* as n").first()).toEqual(customerCount)
      expect(await factsSnapshot(pg)).toEqual(afterFull)
      expect(await failure(api.post(`/admin/customer-facts/imports/${reference.id}/resume`, {}, admin))).toMatchObject({
        status: 400,
        message: expect.stringContaining("is completed"),
      })
    })

    it("lists imports newest first and answers 404 for an unknown one", async () => {
      const a = await finished((await upload({ orders: `${ORDERS_HEADER}\n` }, { dry_run: "true" })).id)
      const b = await finished((await upload({ customers: `${CUSTOMERS_HEADER}\n` }, { dry_run: "true" })).id)
      const { data } = await api.get("/admin/customer-facts/imports?limit=10", admin)
      expect(data.history_imports.map((j: HistoryImportBody) => j.id)).toEqual([b.id, a.id])
      expect(data.count).toBe(2)
      expect(await failure(api.get("/admin/customer-facts/imports/himp_nope", admin))).toMatchObject({ status: 404 })
    })
  },
})
