import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { failure } from "../helpers/requests"
import { buyerHeaders, cartLinePrice, createB2bStore, createCompanyWithContract, day, LIST_PRICE, productPagePrice, registerBuyer, type B2bStore } from "./b2b-fixtures"

jest.setTimeout(300_000)

const EMPLOYEE = "buyer@acme.example"
const GOLD_EMPLOYEE = "gold-buyer@acme.example"
const OUTSIDER = "walk-in@shop.example"

/** The contract's tiers of B2B-1: 80 from 1 to 49, 60 from 50 on. */
const TIERS = [
  { min_quantity: 1, max_quantity: 49, amount: 80 },
  { min_quantity: 50, max_quantity: null, amount: 60 },
]
/** The Gold tier group's price of B2B-1 (any quantity): below the contract's 80, above its 60. */
const GOLD_PRICE = 75

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let store: B2bStore
    let employeeId: string
    let goldEmployeeId: string
    let acme: { companyId: string; contractId: string; priceListId: string }
    let goldListId: string
    let goldGroupId: string

    beforeAll(async () => {
      container = getContainer()
      store = await createB2bStore(container, api)
      employeeId = await registerBuyer(container, EMPLOYEE)
      goldEmployeeId = await registerBuyer(container, GOLD_EMPLOYEE)
      await registerBuyer(container, OUTSIDER)
      acme = await createCompanyWithContract(api, store, { name: "Acme GmbH", employees: [employeeId, goldEmployeeId], from: -30, to: 30 })
      await api.post(`/admin/b2b/contracts/${acme.contractId}/prices`, { variants: [{ variant_id: store.variants["B2B-1"].id, tiers: TIERS }] }, store.admin)
      // A loyalty tier group with its own price list, through Medusa's own admin routes (the key the dashboard sends).
      const { data: group } = await api.post("/admin/customer-groups", { name: "Gold tier" }, store.admin)
      goldGroupId = group.customer_group.id
      await api.post(`/admin/customer-groups/${goldGroupId}/customers`, { add: [goldEmployeeId] }, store.admin)
      const { data: list } = await api.post(
        "/admin/price-lists",
        {
          title: "Gold tier prices",
          description: "Members of the Gold tier",
          type: "override",
          status: "active",
          rules: { "customer.groups.id": [goldGroupId] },
          prices: [{ variant_id: store.variants["B2B-1"].id, amount: GOLD_PRICE, currency_code: "eur" }],
        },
        store.admin
      )
      goldListId = list.price_list.id
    })

    it("an employee pays the contract price at quantity 1 and the band price at 50; a customer of no company pays the list price", async () => {
      const employee = await buyerHeaders(api, store, EMPLOYEE)
      expect(await productPagePrice(api, store, "B2B-1", employee)).toBe(80)
      expect(await cartLinePrice(api, store, "B2B-1", 1, employee)).toBe(80)
      expect(await cartLinePrice(api, store, "B2B-1", 50, employee)).toBe(60)
      // A variant the contract has no price for: the list price.
      expect(await productPagePrice(api, store, "B2B-2", employee)).toBe(LIST_PRICE)

      const outsider = await buyerHeaders(api, store, OUTSIDER)
      expect(await productPagePrice(api, store, "B2B-1", outsider)).toBe(LIST_PRICE)
      expect(await cartLinePrice(api, store, "B2B-1", 50, outsider)).toBe(LIST_PRICE)

      // The contract's list is the override list Medusa applies, ruled on the company's group under customer.groups.id.
      const { data } = await api.get(`/admin/b2b/contracts/${acme.contractId}`, store.admin)
      const { data: company } = await api.get(`/admin/b2b/companies/${acme.companyId}`, store.admin)
      expect(data.contract.price_list).toMatchObject({ type: "override", status: "active", rules: { "customer.groups.id": [company.company.customer_group_id] }, price_count: 2 })
    })

    it("after the contract ends the employee pays the list price again", async () => {
      await api.post(`/admin/b2b/contracts/${acme.contractId}`, { valid_from: day(-30), valid_to: day(-1) }, store.admin)
      const employee = await buyerHeaders(api, store, EMPLOYEE)
      expect(await productPagePrice(api, store, "B2B-1", employee)).toBe(LIST_PRICE)
      expect(await cartLinePrice(api, store, "B2B-1", 50, employee)).toBe(LIST_PRICE)
      const { data } = await api.get(`/store/b2b/me`, employee)
      expect(data.company).toMatchObject({ id: acme.companyId, name: "Acme GmbH" })
      expect(data.contract).toBeNull()
    })

    it("an employee also in the Gold tier pays the lowest matching price, and the debugger says why", async () => {
      const gold = await buyerHeaders(api, store, GOLD_EMPLOYEE)
      expect(await productPagePrice(api, store, "B2B-1", gold)).toBe(GOLD_PRICE)
      expect(await cartLinePrice(api, store, "B2B-1", 1, gold)).toBe(GOLD_PRICE)
      expect(await cartLinePrice(api, store, "B2B-1", 50, gold)).toBe(60)

      const ask = (quantity: number) =>
        api.get(`/admin/b2b/price-debugger?customer_id=${goldEmployeeId}&variant_id=${store.variants["B2B-1"].id}&quantity=${quantity}&region_id=${store.regionId}`, store.admin)
      const { data: one } = await ask(1)
      const r = one.resolution
      expect(r.context.customer_groups.map((g: { id: string }) => g.id).sort()).toEqual([goldGroupId, expect.any(String)].sort())
      expect(r.context.company).toMatchObject({ id: acme.companyId })
      expect(r.chosen).toMatchObject({ amount: String(GOLD_PRICE), price_list: { id: goldListId, contract: null } })
      expect(r.medusa).toMatchObject({ amount: GOLD_PRICE, price_list_id: goldListId, agrees: true })
      const byAmount = (amount: number) => r.candidates.find((c: { amount: string }) => Number(c.amount) === amount)
      expect(byAmount(80)).toMatchObject({ applies: true, chosen: false, price_list: { id: acme.priceListId, contract: { contract_id: acme.contractId, company_name: "Acme GmbH" } } })
      expect(byAmount(80).reason).toContain(`is lower (${GOLD_PRICE} against 80)`)
      expect(byAmount(60)).toMatchObject({ applies: false })
      expect(byAmount(60).reason).toContain("50+ does not hold 1")
      expect(byAmount(LIST_PRICE)).toMatchObject({ applies: true, chosen: false, price_list: null })
      expect(byAmount(LIST_PRICE).reason).toContain("a price list's price comes before the base price")

      const { data: fifty } = await ask(50)
      expect(fifty.resolution.chosen).toMatchObject({ amount: "60", price_list: { id: acme.priceListId } })
      expect(fifty.resolution.medusa).toMatchObject({ amount: 60, agrees: true })

      // The company alone (its group, not the tier) and a date after the contract: the list price, the contract failing on validity.
      const { data: later } = await api.get(
        `/admin/b2b/price-debugger?company_id=${acme.companyId}&variant_id=${store.variants["B2B-1"].id}&quantity=1&currency_code=eur&at=${day(40)}`,
        store.admin
      )
      expect(later.resolution.chosen).toMatchObject({ amount: String(LIST_PRICE), price_list: null })
      const contractPrice = later.resolution.candidates.find((c: { amount: string }) => Number(c.amount) === 80)
      expect(contractPrice.checks.find((c: { check: string }) => c.check === "validity")).toMatchObject({ ok: false })
      const goldPrice = later.resolution.candidates.find((c: { amount: string }) => Number(c.amount) === GOLD_PRICE)
      expect(goldPrice.checks.find((c: { check: string }) => c.check === "list_rules")).toMatchObject({ ok: false })
    })

    it("a list ruled on customer_group_id is stored but never applies, and the debugger says so", async () => {
      const { data: company } = await api.get(`/admin/b2b/companies/${acme.companyId}`, store.admin)
      const { data: list } = await api.post(
        "/admin/price-lists",
        {
          title: "Keyed the wrong way",
          description: "customer_group_id instead of customer.groups.id",
          type: "override",
          status: "active",
          rules: { customer_group_id: [company.company.customer_group_id] },
          prices: [{ variant_id: store.variants["B2B-3"].id, amount: 1, currency_code: "eur" }],
        },
        store.admin
      )
      expect(await productPagePrice(api, store, "B2B-3", await buyerHeaders(api, store, EMPLOYEE))).toBe(LIST_PRICE)
      const { data } = await api.get(`/admin/b2b/price-debugger?customer_id=${employeeId}&variant_id=${store.variants["B2B-3"].id}&region_id=${store.regionId}`, store.admin)
      expect(data.resolution.chosen).toMatchObject({ amount: String(LIST_PRICE), price_list: null })
      expect(data.resolution.medusa).toMatchObject({ amount: LIST_PRICE, agrees: true })
      const wrong = data.resolution.candidates.find((c: { price_list: { id: string } | null }) => c.price_list?.id === list.price_list.id)
      expect(wrong.reason).toContain("customer_group_id")
      expect(wrong.reason).toContain("never matches")
    })

    it("GET /store/b2b/me: the employee's company, role and contract; nobody's company for an outsider; 401 without a login", async () => {
      const { data } = await api.get("/store/b2b/me", await buyerHeaders(api, store, EMPLOYEE))
      expect(data.company).toMatchObject({ id: acme.companyId, name: "Acme GmbH", status: "active" })
      expect(data.employee).toMatchObject({ role: "buyer", spending_limit: null })
      expect(data.contract).toMatchObject({ id: acme.contractId, status: "active", currency_code: "eur" })

      const { data: none } = await api.get("/store/b2b/me", await buyerHeaders(api, store, OUTSIDER))
      expect(none).toEqual({ company: null, employee: null, contract: null })

      const anonymous = await failure(api.get("/store/b2b/me", { headers: { "x-publishable-api-key": store.publishableKey } }))
      expect(anonymous.status).toBe(401)
    })

    it("an overlapping active contract is refused naming the other one; a later one is accepted", async () => {
      const overlap = await failure(
        api.post(`/admin/b2b/companies/${acme.companyId}/contracts`, { title: "Renewal", status: "active", valid_from: day(20), valid_to: day(400), currency_code: "eur" }, store.admin)
      )
      expect(overlap.status).toBe(400)
      expect(overlap.message).toContain(`"Framework agreement" (${acme.contractId}`)
      expect(overlap.message).toContain("valid_from / valid_to")
      const { data } = await api.post(
        `/admin/b2b/companies/${acme.companyId}/contracts`,
        { title: "Renewal", status: "active", valid_from: day(31), valid_to: day(400), currency_code: "eur" },
        store.admin
      )
      expect(data.contract).toMatchObject({ status: "active", price_list: { status: "active", type: "override" } })
      // Moving the first contract's end into the renewal's period is refused the same way.
      const moved = await failure(api.post(`/admin/b2b/contracts/${acme.contractId}`, { valid_to: day(60) }, store.admin))
      expect(moved.status).toBe(400)
      expect(moved.message).toContain(`"Renewal" (${data.contract.id}`)
      // Nothing was created by the refused request.
      const { data: contracts } = await api.get(`/admin/b2b/companies/${acme.companyId}/contracts`, store.admin)
      expect(contracts.count).toBe(2)
      const lists = await container.resolve(Modules.PRICING).listPriceLists({ title: { $like: "Acme GmbH:%" } })
      expect(lists).toHaveLength(2)
    })

    it("bad inputs are 400s naming the field", async () => {
      const cases: [() => Promise<unknown>, string][] = [
        [() => api.post("/admin/b2b/companies", { tax_id: "DE1" }, store.admin), "name"],
        [() => api.post("/admin/b2b/companies", { name: "X", country_code: "Germany" }, store.admin), "country_code"],
        [() => api.post("/admin/b2b/companies", { name: "X", contact_email: "nope" }, store.admin), "contact_email"],
        [() => api.post("/admin/b2b/companies", { name: "Acme GmbH" }, store.admin), "name"],
        [() => api.post("/admin/b2b/companies", { name: "X", colour: "red" }, store.admin), "colour"],
        [() => api.post(`/admin/b2b/companies/${acme.companyId}/contracts`, { title: "T", valid_from: "2026-13-01", currency_code: "eur" }, store.admin), "valid_from"],
        [() => api.post(`/admin/b2b/companies/${acme.companyId}/contracts`, { title: "T", valid_from: day(500), valid_to: day(499), currency_code: "eur" }, store.admin), "valid_to"],
        [() => api.post(`/admin/b2b/companies/${acme.companyId}/contracts`, { title: "T", valid_from: day(500), currency_code: "usd" }, store.admin), "currency_code"],
        [() => api.post(`/admin/b2b/companies/${acme.companyId}/contracts`, { title: "T", valid_from: day(500), currency_code: "euro" }, store.admin), "currency_code"],
        [() => api.post(`/admin/b2b/companies/${acme.companyId}/employees`, { employees: [{ customer_id: "cus_nobody" }] }, store.admin), "employees[0].customer_id"],
        [() => api.post(`/admin/b2b/companies/${acme.companyId}/employees`, { employees: [{ customer_id: employeeId, role: "boss" }] }, store.admin), "role"],
        [
          () => api.post(`/admin/b2b/companies/${acme.companyId}/employees`, { employees: [{ customer_id: employeeId, spending_limit: 500 }] }, store.admin),
          "spending_limit_currency_code",
        ],
        [
          () => api.post(
            `/admin/b2b/contracts/${acme.contractId}/prices`,
            { variants: [{ variant_id: store.variants["B2B-2"].id, tiers: [{ min_quantity: 1, max_quantity: 10, amount: 5 }, { min_quantity: 10, amount: 4 }] }] },
            store.admin
          ),
          "variants[0].tiers[1]",
        ],
        [() => api.post(`/admin/b2b/contracts/${acme.contractId}/prices`, { variants: [{ variant_id: store.variants["B2B-2"].id, tiers: [{ amount: -3 }] }] }, store.admin), "amount"],
        [() => api.post(`/admin/b2b/contracts/${acme.contractId}/prices`, { variants: [{ variant_id: "variant_nope", tiers: [{ amount: 3 }] }] }, store.admin), "variants[0].variant_id"],
        [() => api.get(`/admin/b2b/price-debugger?customer_id=${employeeId}&region_id=${store.regionId}`, store.admin), "variant_id"],
        [() => api.get(`/admin/b2b/price-debugger?variant_id=${store.variants["B2B-1"].id}&region_id=${store.regionId}`, store.admin), "customer_id"],
        [() => api.get(`/admin/b2b/price-debugger?customer_id=${employeeId}&variant_id=${store.variants["B2B-1"].id}&region_id=${store.regionId}&quantity=0`, store.admin), "quantity"],
        [() => api.get(`/admin/b2b/price-debugger?customer_id=${employeeId}&variant_id=${store.variants["B2B-1"].id}&region_id=reg_nope`, store.admin), "region_id"],
      ]
      for (const [request, field] of cases) {
        const { status, message } = await failure(request())
        expect({ field, status, named: message.includes(field) ? field : message }).toEqual({ field, status: 400, named: field })
      }
      // Another company's employee cannot join a second one.
      const { data: other } = await api.post("/admin/b2b/companies", { name: "Other AG" }, store.admin)
      const taken = await failure(api.post(`/admin/b2b/companies/${other.company.id}/employees`, { employees: [{ customer_id: employeeId }] }, store.admin))
      expect(taken.status).toBe(400)
      expect(taken.message).toContain('employees[0].customer_id: customer')
      expect(taken.message).toContain('"Acme GmbH"')
    })
  },
})
