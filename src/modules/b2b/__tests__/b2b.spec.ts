import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { B2B_MODULE } from ".."
import type B2bModuleService from "../service"
import type { StagedPriceRow } from "../types"

jest.setTimeout(120_000)

const DAY = 86_400_000
const at = (iso: string) => new Date(iso)

moduleIntegrationTestRunner<B2bModuleService>({
  moduleName: B2B_MODULE,
  resolve: "./src/modules/b2b",
  testSuite: ({ service }) => {
    const company = () => service.createCompanies({ name: `Acme ${Math.random()}`, customer_group_id: `cgrp_${Math.random()}` })
    const contract = (company_id: string, from: string, to: string | null, status: "active" | "draft" = "active") =>
      service.signContracts([
        { company_id, title: `${from}…${to}`, status, valid_from: at(from), valid_to: to ? at(to) : null, currency_code: "eur", price_list_id: `plist_${Math.random()}` },
      ])

    describe("one active contract at a time", () => {
      it("refuses an active contract overlapping another active one of the company, naming it, and keeps both ends inclusive", async () => {
        const acme = await company()
        const [first] = await contract(acme.id, "2026-01-01T00:00:00Z", "2026-06-30T23:59:59Z")
        await expect(contract(acme.id, "2026-06-30T23:59:59Z", "2026-12-31T23:59:59Z")).rejects.toThrow(
          `valid_from / valid_to: 2026-06-30 – 2026-12-31 overlaps the active contract "${first.title}" (${first.id}, 2026-01-01 – 2026-06-30) of this company`
        )
        await expect(contract(acme.id, "2025-01-01T00:00:00Z", null)).rejects.toThrow("overlaps the active contract")
        const [next] = await contract(acme.id, "2026-07-01T00:00:00Z", "2026-12-31T23:59:59Z")
        expect(next.status).toBe("active")
      })

      it("lets drafts, cancelled contracts and other companies overlap, and checks an amendment as a new contract", async () => {
        const acme = await company()
        const other = await company()
        await contract(acme.id, "2026-01-01T00:00:00Z", null)
        const [draft] = await contract(acme.id, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z", "draft")
        await contract(other.id, "2026-01-01T00:00:00Z", null)
        await expect(service.amendContracts([{ id: draft.id, status: "active" }])).rejects.toThrow("overlaps the active contract")
        const [cancelled] = await service.amendContracts([{ id: draft.id, status: "cancelled" }])
        expect(cancelled.status).toBe("cancelled")
        await expect(service.amendContracts([{ id: "ctr_missing", title: "x" }])).rejects.toThrow('Contract with id "ctr_missing" not found')
      })

      it("lets two parallel signings of overlapping contracts through once", async () => {
        const acme = await company()
        const results = await Promise.allSettled(
          Array.from({ length: 4 }, () => contract(acme.id, "2027-01-01T00:00:00Z", "2027-12-31T00:00:00Z"))
        )
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
      })
    })

    describe("renewal notices", () => {
      it("lists contracts ending within their reminder days once per end date", async () => {
        const now = at("2026-12-01T09:00:00Z")
        const acme = await service.createCompanies({ name: "Acme", customer_group_id: "cgrp_r1", account_manager_email: "am@example.com" })
        const [soon] = await contract(acme.id, "2026-01-01T00:00:00Z", new Date(now.getTime() + 10 * DAY).toISOString())
        const later = await company()
        await contract(later.id, "2026-01-01T00:00:00Z", new Date(now.getTime() + 40 * DAY).toISOString())
        const due = await service.listRenewalsDue({ now })
        expect(due.map((d) => d.contract_id)).toEqual([soon.id])
        expect(due[0]).toMatchObject({ company_name: "Acme", account_manager_email: "am@example.com", renewal_reminder_days: 30 })
        const notice = { contract_id: soon.id, company_id: acme.id, valid_to: soon.valid_to!, sent_to: "am@example.com" }
        const claims = await Promise.all([1, 2, 3].map((i) => service.claimRenewalNotice({ id: `crn_${i}`, ...notice })))
        expect(claims.filter(Boolean)).toHaveLength(1)
        expect(await service.listRenewalsDue({ now })).toEqual([])
        // Extended: a new end date gets its own reminder.
        await service.amendContracts([{ id: soon.id, valid_to: new Date(now.getTime() + 20 * DAY) }])
        expect((await service.listRenewalsDue({ now })).map((d) => d.contract_id)).toEqual([soon.id])
        const listed = await service.listRenewals({ now, within_days: 60, limit: 10, offset: 0 })
        expect(listed.count).toBe(2)
        expect(listed.items.map((i) => [i.contract_id === soon.id, i.notice_id === null])).toEqual([
          [true, true],
          [false, true],
        ])
      })
    })

    describe("the import's diff, in the database", () => {
      const row = (line: number, price_set_id: string, amount: string, min: number | null = null, max: number | null = null): StagedPriceRow => ({
        line,
        variant_id: `variant_${price_set_id}`,
        price_set_id,
        currency_code: "eur",
        amount,
        min_quantity: min,
        max_quantity: max,
      })

      it("finds overlapping and repeated bands by line, naming the earlier line", async () => {
        await service.stageFileRows({
          import_id: "pimp_a",
          rows: [row(2, "ps1", "10", 1, 49), row(3, "ps1", "9", 50, null), row(4, "ps1", "8", 40, 99), row(5, "ps2", "5"), row(6, "ps2", "4"), row(7, "ps3", "1", 1, 9)],
        })
        const { errors, count } = await service.findBandOverlaps({ import_id: "pimp_a", limit: 10 })
        expect(count).toBe(2)
        expect(errors).toEqual([
          { line: 4, field: "min_quantity", message: "the quantity band 40–99 overlaps line 2's band 1–49 for the same variant and currency" },
          { line: 6, field: "min_quantity", message: "repeats line 5: the same variant, currency and quantity band (any quantity)" },
        ])
      })

      it("counts added, changed, removed and unchanged, comparing amounts as numbers, and pages the changes in line order", async () => {
        await service.stageListPrices({
          import_id: "pimp_b",
          prices: [
            { id: "price_1", price_set_id: "ps1", currency_code: "eur", amount: "10", min_quantity: 1, max_quantity: 49 },
            { id: "price_2", price_set_id: "ps1", currency_code: "eur", amount: "9.5", min_quantity: 50, max_quantity: null },
            { id: "price_3", price_set_id: "ps2", currency_code: "eur", amount: "5", min_quantity: null, max_quantity: null },
          ],
        })
        await service.stageFileRows({
          import_id: "pimp_b",
          rows: [row(2, "ps1", "10.00", 1, 49), row(3, "ps1", "9", 50, null), row(12, "ps4", "3"), row(10, "ps2", "5", 1, null)],
        })
        const counts = await service.diffPriceImport({ import_id: "pimp_b" })
        expect(counts).toEqual({ added: 2, changed: 1, removed: 1, unchanged: 1 })
        const changes = await service.listPriceImportChanges({ import_id: "pimp_b", actions: ["add", "change", "remove"], limit: 10 })
        expect(changes.map((c) => [c.action, c.line, c.price_id, c.old_amount])).toEqual([
          ["change", 3, "price_2", "9.5"],
          ["add", 10, null, null],
          ["add", 12, null, null],
          ["remove", null, "price_3", null],
        ])
        const page = await service.listPriceImportChanges({ import_id: "pimp_b", actions: ["add"], after: changes[1].id, limit: 10 })
        expect(page.map((c) => c.line)).toEqual([12])
        // Diffing again gives the same answer (the apply re-diffs a list that changed).
        expect(await service.diffPriceImport({ import_id: "pimp_b" })).toEqual(counts)
        await service.markRowsApplied({ import_id: "pimp_b", applied: true, rows: [{ id: changes[1].id, price_id: "price_new" }] })
        const applied = await service.listPriceImportChanges({ import_id: "pimp_b", actions: ["add"], applied: true, limit: 10 })
        expect(applied.map((c) => [c.line, c.price_id])).toEqual([[10, "price_new"]])
      })
    })
  },
})
