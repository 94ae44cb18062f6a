import { AdminAddEmployees, AdminCreateContract, AdminSetContractPrices, AdminUpdateContract, AdminUpdateEmployee } from "../../../../api/admin/b2b/validators"
import { findOverlappingBands } from "../../../../modules/b2b/utils/bands"
import { checkBands, toContractDraft, toContractPayload, toEmployeeDraft, toEmployeePayload, toTiers, type Band } from "../drafts"
import type { Contract, Employee } from "../types"

const contract: Contract = {
  id: "ctr_1",
  company_id: "comp_1",
  title: "2027 frame contract",
  status: "active",
  price_list_id: "plist_1",
  valid_from: "2027-01-01T00:00:00.000Z",
  valid_to: "2027-12-31T23:59:59.999Z",
  currency_code: "eur",
  renewal_reminder_days: 30,
  notes: null,
  created_at: "2026-12-01T00:00:00.000Z",
  updated_at: "2026-12-01T00:00:00.000Z",
  price_list: null,
}

describe("the contract editor's body", () => {
  it("a new contract's body is what the create route accepts; an empty end is open-ended", () => {
    const draft = { ...toContractDraft(null), title: " Frame ", valid_from: "2027-01-01", currency_code: "eur" }
    const { payload, errors } = toContractPayload(draft)
    expect(errors).toEqual({})
    expect(payload).toMatchObject({ title: "Frame", valid_from: "2027-01-01", valid_to: null, renewal_reminder_days: 30, notes: null })
    expect(AdminCreateContract.safeParse(payload).success).toBe(true)
  })

  it("an edit sends back only the days that changed (a bare day would move an end set to a time)", () => {
    const unchanged = toContractPayload(toContractDraft(contract)).payload!
    expect(unchanged).not.toHaveProperty("valid_from")
    expect(unchanged).not.toHaveProperty("valid_to")
    expect(AdminUpdateContract.safeParse(unchanged).success).toBe(true)
    const extended = toContractPayload({ ...toContractDraft(contract), valid_to: "2028-06-30" }).payload!
    expect(extended.valid_to).toBe("2028-06-30")
    expect(extended).not.toHaveProperty("valid_from")
    const parsed = AdminUpdateContract.parse(extended)
    expect((parsed.valid_to as Date).toISOString()).toBe("2028-06-30T23:59:59.999Z")
  })

  it("names each field the browser can already refuse", () => {
    const { payload, errors } = toContractPayload({ ...toContractDraft(contract), title: " ", valid_to: "2026-12-31", currency_code: "", renewal_reminder_days: "400" })
    expect(payload).toBeUndefined()
    expect(Object.keys(errors).sort()).toEqual(["currency_code", "renewal_reminder_days", "title", "valid_to"])
  })
})

const employee: Employee = {
  id: "cemp_1",
  customer_id: "cus_1",
  company_id: "comp_1",
  role: "buyer",
  spending_limit: 500,
  spending_limit_currency_code: "eur",
  spending_limit_period: "month",
  created_at: "2026-12-01T00:00:00.000Z",
  customer: { id: "cus_1", email: "a@example.com", first_name: null, last_name: null },
}

describe("the employee form's body", () => {
  it("a limit is the amount, the currency and the period together: the add and update routes accept it", () => {
    const { payload, errors } = toEmployeePayload(toEmployeeDraft(employee))
    expect(errors).toEqual({})
    expect(payload).toEqual({ customer_id: "cus_1", role: "buyer", spending_limit: 500, spending_limit_currency_code: "eur", spending_limit_period: "month" })
    expect(AdminAddEmployees.safeParse({ employees: [payload] }).success).toBe(true)
    const { customer_id: _c, ...update } = payload!
    expect(AdminUpdateEmployee.safeParse(update).success).toBe(true)
  })

  it("no limit sends all three as null, which clears it", () => {
    const { payload } = toEmployeePayload({ ...toEmployeeDraft(employee), spending_limit: "", spending_limit_currency_code: "", spending_limit_period: "" })
    expect(payload).toMatchObject({ spending_limit: null, spending_limit_currency_code: null, spending_limit_period: null })
    const { customer_id: _c, ...update } = payload!
    expect(AdminUpdateEmployee.safeParse(update).success).toBe(true)
  })

  it("half a limit names what is missing; no customer names customer_id", () => {
    const { payload, errors } = toEmployeePayload({ ...toEmployeeDraft(null), spending_limit: "100" })
    expect(payload).toBeUndefined()
    expect(Object.keys(errors).sort()).toEqual(["customer_id", "spending_limit_currency_code", "spending_limit_period"])
  })
})

const band = (min: number | null, max: number | null, amount = "10"): Band => ({ min: min === null ? "" : String(min), max: max === null ? "" : String(max), amount })

describe("the tier editor's bands", () => {
  it("disjoint bands become the tiers the prices route accepts; empty rows are dropped", () => {
    const { tiers, error } = toTiers([band(1, 9, "19.90"), band(null, null, ""), band(10, 49, "17.5"), band(50, null, "15")])
    expect(error).toBeNull()
    expect(tiers).toEqual([
      { min_quantity: 1, max_quantity: 9, amount: "19.90" },
      { min_quantity: 10, max_quantity: 49, amount: "17.5" },
      { min_quantity: 50, max_quantity: null, amount: "15" },
    ])
    expect(AdminSetContractPrices.safeParse({ variants: [{ variant_id: "variant_1", tiers }] }).success).toBe(true)
  })

  it("refuses an amount of 0, more than 4 decimals, and a maximum below the minimum", () => {
    expect(toTiers([band(1, 9, "0")]).error).toMatch(/band 1: amount/)
    expect(toTiers([band(1, 9, "1.23456")]).error).toMatch(/band 1: amount/)
    expect(toTiers([band(1, 9), band(20, 10)]).error).toMatch(/band 2: quantities/)
  })

  it("finds an overlap exactly when the server's check does, for every pair of small bands", () => {
    const bounds: (number | null)[] = [null, 1, 2, 5, 9, 10]
    for (const aMin of bounds)
      for (const aMax of bounds)
        for (const bMin of bounds)
          for (const bMax of bounds) {
            const a = { min_quantity: aMin, max_quantity: aMax }
            const b = { min_quantity: bMin, max_quantity: bMax }
            const ordered = (x: typeof a) => x.min_quantity === null || x.max_quantity === null || x.max_quantity >= x.min_quantity
            if (!ordered(a) || !ordered(b)) continue
            const server = findOverlappingBands([a, b]).length > 0
            const browser = checkBands([band(aMin, aMax), band(bMin, bMax)]) !== null
            expect(`${JSON.stringify([a, b])} ${browser}`).toBe(`${JSON.stringify([a, b])} ${server}`)
          }
  })
})
