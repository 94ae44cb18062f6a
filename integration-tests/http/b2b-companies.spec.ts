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
