import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { updateStoresWorkflow } from "@medusajs/medusa/core-flows"
import { failure } from "../helpers/requests"
import { buyerHeaders, createB2bStore, createCompanyWithContract, day, LIST_PRICE, productPagePrice, registerBuyer, type B2bStore } from "./b2b-fixtures"

jest.setTimeout(300_000)

const EMPLOYEE = "purchasing@globex.example"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let store: B2bStore
    let employeeId: string

    beforeAll(async () => {
      container = getContainer()
      store = await createB2bStore(container, api)
      employeeId = await registerBuyer(container, EMPLOYEE)
    })

    const groupsOf = async (customerId: string) =>
      (await container.resolve(Modules.CUSTOMER).listCustomers({ id: customerId }, { relations: ["groups"] }))[0].groups!.map((g) => g.id)

    it("a company's group, status and employees decide who pays its contract prices", async () => {
      const globex = await createCompanyWithContract(api, store, { name: "Globex", employees: [], from: -5, to: 100 })
      await api.post(`/admin/b2b/contracts/${globex.contractId}/prices`, { variants: [{ variant_id: store.variants["B2B-1"].id, tiers: [{ amount: 70 }] }] }, store.admin)
      const { data: created } = await api.get(`/admin/b2b/companies/${globex.companyId}`, store.admin)
      const groupId = created.company.customer_group_id
      const [group] = await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: groupId })
      expect(group.name).toBe("Company: Globex")

      const { data: added } = await api.post(
        `/admin/b2b/companies/${globex.companyId}/employees`,
        { employees: [{ customer_id: employeeId, role: "admin", spending_limit: 5000, spending_limit_currency_code: "eur", spending_limit_period: "month" }] },
        store.admin
      )
      expect(added.employees[0]).toMatchObject({ customer_id: employeeId, role: "admin", spending_limit_period: "month", customer: { email: EMPLOYEE } })
      expect(await groupsOf(employeeId)).toEqual([groupId])
      const headers = await buyerHeaders(api, store, EMPLOYEE)
      expect(await productPagePrice(api, store, "B2B-1", headers)).toBe(70)

      // Renamed: its group follows. Listed by part of the name, with its counts.
      await api.post(`/admin/b2b/companies/${globex.companyId}`, { name: "Globex Corporation" }, store.admin)
      expect((await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: groupId }))[0].name).toBe("Company: Globex Corporation")
      const { data: list } = await api.get("/admin/b2b/companies?q=corp", store.admin)
      expect(list.companies).toEqual([expect.objectContaining({ id: globex.companyId, employee_count: 1, contract_count: 1, active_contract_count: 1 })])

      // Inactive: its contract's price list is a draft and its employees pay the list price; active again, the contract price.
      await api.post(`/admin/b2b/companies/${globex.companyId}`, { status: "inactive" }, store.admin)
      const { data: paused } = await api.get(`/admin/b2b/contracts/${globex.contractId}`, store.admin)
      expect(paused.contract.price_list.status).toBe("draft")
      expect(await productPagePrice(api, store, "B2B-1", headers)).toBe(LIST_PRICE)
      const { data: me } = await api.get("/store/b2b/me", headers)
      expect(me).toMatchObject({ company: { status: "inactive" }, contract: null })
      await api.post(`/admin/b2b/companies/${globex.companyId}`, { status: "active" }, store.admin)
      expect(await productPagePrice(api, store, "B2B-1", headers)).toBe(70)

      // The employee's role changes; removed, they leave the group and pay the list price.
      const employeeRecord = added.employees[0].id
      const { data: updated } = await api.post(`/admin/b2b/companies/${globex.companyId}/employees/${employeeRecord}`, { role: "buyer" }, store.admin)
      expect(updated.employee).toMatchObject({ role: "buyer", spending_limit_period: "month" })
      await api.delete(`/admin/b2b/companies/${globex.companyId}/employees/${employeeRecord}`, store.admin)
      expect(await groupsOf(employeeId)).toEqual([])
      expect(await productPagePrice(api, store, "B2B-1", headers)).toBe(LIST_PRICE)
      const { data: employees } = await api.get(`/admin/b2b/companies/${globex.companyId}/employees`, store.admin)
      expect(employees.count).toBe(0)

      // Deleted: the company, its contract, the contract's price list and the group are gone.
      await api.delete(`/admin/b2b/companies/${globex.companyId}`, store.admin)
      expect((await failure(api.get(`/admin/b2b/companies/${globex.companyId}`, store.admin))).status).toBe(404)
      expect((await failure(api.get(`/admin/b2b/contracts/${globex.contractId}`, store.admin))).status).toBe(404)
      expect(await container.resolve(Modules.PRICING).listPriceLists({ id: [globex.priceListId] })).toEqual([])
      expect(await container.resolve(Modules.CUSTOMER).listCustomerGroups({ id: groupId })).toEqual([])
    })

    it("a contract's tiers are read back by variant, replaced per variant, and go with the contract when it is deleted", async () => {
      const deal = await createCompanyWithContract(api, store, { name: "Soylent", employees: [employeeId], from: -5, to: 100 })
      const tiers = (amounts: number[]) => amounts.map((amount, i) => ({ min_quantity: i * 10 + 1, max_quantity: i === amounts.length - 1 ? null : (i + 1) * 10, amount }))
      const { data: set } = await api.post(
        `/admin/b2b/contracts/${deal.contractId}/prices`,
        { variants: [{ variant_id: store.variants["B2B-1"].id, tiers: tiers([90, 85, 80]) }, { variant_id: store.variants["B2B-2"].id, tiers: tiers([50]) }] },
        store.admin
      )
      expect(set.result).toMatchObject({ added: 4, changed: 0, removed: 0, unchanged: 0 })
      const { data: again } = await api.post(
        `/admin/b2b/contracts/${deal.contractId}/prices`,
        { variants: [{ variant_id: store.variants["B2B-1"].id, tiers: tiers([90, 84]) }, { variant_id: store.variants["B2B-2"].id, tiers: [] }] },
        store.admin
      )
      // 1–10 kept, 11–20 → 11+ is a new band (84), 11–20 and 21+ of B2B-1 and B2B-2's only band removed.
      expect(again.result).toMatchObject({ added: 1, changed: 0, removed: 3, unchanged: 1 })
      const { data: prices } = await api.get(`/admin/b2b/contracts/${deal.contractId}/prices?variant_id=${store.variants["B2B-1"].id}`, store.admin)
      expect(prices.prices.map((p: { amount: string; min_quantity: number | null; max_quantity: number | null; variant: { sku: string } }) => [p.variant.sku, Number(p.amount), p.min_quantity, p.max_quantity])).toEqual([
        ["B2B-1", 90, 1, 10],
        ["B2B-1", 84, 11, null],
      ])
      const { data: all } = await api.get(`/admin/b2b/contracts?company_id=${deal.companyId}`, store.admin)
      expect(all.contracts).toEqual([expect.objectContaining({ id: deal.contractId, company: expect.objectContaining({ name: "Soylent" }), price_list: expect.objectContaining({ status: "active" }) })])
      const headers = await buyerHeaders(api, store, EMPLOYEE)
      expect(await productPagePrice(api, store, "B2B-1", headers)).toBe(90)

      await api.delete(`/admin/b2b/contracts/${deal.contractId}`, store.admin)
      expect(await container.resolve(Modules.PRICING).listPriceLists({ id: [deal.priceListId] })).toEqual([])
      expect(await productPagePrice(api, store, "B2B-1", headers)).toBe(LIST_PRICE)
      const { data: left } = await api.get(`/admin/b2b/companies/${deal.companyId}/contracts`, store.admin)
      expect(left.count).toBe(0)
    })

    it("a contract's currency changes only while it holds no prices", async () => {
      const [current] = await container.resolve(Modules.STORE).listStores({})
      await updateStoresWorkflow(container).run({
        input: { selector: { id: current.id }, update: { supported_currencies: [{ currency_code: "eur", is_default: true }, { currency_code: "usd" }] } },
      })
      const priced = await createCompanyWithContract(api, store, { name: "Priced", employees: [], from: -5, to: 100 })
      await api.post(`/admin/b2b/contracts/${priced.contractId}/prices`, { variants: [{ variant_id: store.variants["B2B-2"].id, tiers: [{ amount: 9 }] }] }, store.admin)
      const refused = await failure(api.post(`/admin/b2b/contracts/${priced.contractId}`, { currency_code: "usd" }, store.admin))
      expect(refused).toMatchObject({ status: 400, message: expect.stringContaining("currency_code: the contract holds 1 price in eur") })
      const empty = await createCompanyWithContract(api, store, { name: "Empty", employees: [], from: -5, to: 100 })
      const { data } = await api.post(`/admin/b2b/contracts/${empty.contractId}`, { currency_code: "usd" }, store.admin)
      expect(data.contract.currency_code).toBe("usd")
    })

    it("renewal reminders: listed for contracts ending within their reminder days, e-mailed to the account manager once per end date", async () => {
      const ending = await createCompanyWithContract(api, store, { name: "Initech", employees: [], from: -100, to: 10, title: "Supply 2026" })
      await createCompanyWithContract(api, store, { name: "Hooli", employees: [], from: -100, to: 200, title: "Long deal" })
      await createCompanyWithContract(api, store, { name: "Umbrella", employees: [], from: -100, to: null, title: "Open-ended" })

      const { data: due } = await api.get("/admin/b2b/renewals?within_days=60", store.admin)
      expect(due.renewals).toEqual([expect.objectContaining({ contract_id: ending.contractId, company_name: "Initech", title: "Supply 2026", notice_id: null })])

      const { data: first } = await api.post("/admin/b2b/renewals/run", {}, store.admin)
      expect(first.result).toMatchObject({ sent: 1, failed: 0 })
      const { data: second } = await api.post("/admin/b2b/renewals/run", {}, store.admin)
      expect(second.result).toMatchObject({ sent: 0 })
      const notifications = await container.resolve(Modules.NOTIFICATION).listNotifications({ to: "am@b2b.example" })
      expect(notifications).toHaveLength(1)
      expect(notifications[0]).toMatchObject({ channel: "email", template: "b2b-contract-renewal", data: expect.objectContaining({ contract_id: ending.contractId, company_name: "Initech" }) })
      expect(Math.abs(notifications[0].data!.days_left as number - 10.5)).toBeLessThanOrEqual(0.5)
      const { data: listed } = await api.get("/admin/b2b/renewals", store.admin)
      expect(listed.renewals[0]).toMatchObject({ contract_id: ending.contractId, sent_to: "am@b2b.example", notice_id: expect.any(String) })

      // Extended: a new end date, reminded again when that one comes near (here: not yet).
      await api.post(`/admin/b2b/contracts/${ending.contractId}`, { valid_to: day(300) }, store.admin)
      const { data: third } = await api.post("/admin/b2b/renewals/run", {}, store.admin)
      expect(third.result).toMatchObject({ sent: 0 })
      expect((await failure(api.get("/admin/b2b/renewals?within_days=1000", store.admin))).message).toContain("within_days")
    })
  },
})
