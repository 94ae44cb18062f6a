import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { failure } from "../helpers/requests"
import { buyerHeaders, createB2bStore, createCompanyWithContract, registerBuyer, type B2bStore } from "./b2b-fixtures"

jest.setTimeout(300_000)

const BUYER = "buyer@initech.example"
const ADMIN = "admin@initech.example"
const UNLIMITED = "unlimited@initech.example"
const OUTSIDER = "someone@nowhere.example"

type Headers = { headers: Record<string, string> }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let store: B2bStore
    const customers: Record<string, string> = {}
    let companyId: string

    beforeAll(async () => {
      container = getContainer()
      store = await createB2bStore(container, api)
      for (const email of [BUYER, ADMIN, UNLIMITED, OUTSIDER]) {
        customers[email] = await registerBuyer(container, email)
      }
      const { data: company } = await api.post("/admin/b2b/companies", { name: "Initech", country_code: "de" }, store.admin)
      companyId = company.company.id
      await api.post(
        `/admin/b2b/companies/${company.company.id}/employees`,
        {
          employees: [
            { customer_id: customers[BUYER], role: "buyer", spending_limit: 300, spending_limit_currency_code: "eur", spending_limit_period: "month" },
            { customer_id: customers[ADMIN], role: "admin", spending_limit: 150, spending_limit_currency_code: "eur", spending_limit_period: "quarter" },
            { customer_id: customers[UNLIMITED], role: "buyer" },
          ],
        },
        store.admin
      )
    })

    /** A cart of `quantity` × B2B-1 (100 eur each, no tax, no shipping) ready to complete; returns its id. */
    async function readyCart(headers: Headers, quantity: number): Promise<string> {
      const { data } = await api.post(
        "/store/carts",
        { region_id: store.regionId, sales_channel_id: store.salesChannelId, items: [{ variant_id: store.variants["B2B-1"].id, quantity }] },
        headers
      )
      const { data: collection } = await api.post("/store/payment-collections", { cart_id: data.cart.id }, headers)
      await api.post(`/store/payment-collections/${collection.payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
      return data.cart.id
    }

    const complete = (headers: Headers, cartId: string) => api.post(`/store/carts/${cartId}/complete`, {}, headers)

    async function checkout(email: string, quantity: number): Promise<string> {
      const headers = await buyerHeaders(api, store, email)
      const { data } = await complete(headers, await readyCart(headers, quantity))
      expect(data.type).toBe("order")
      return data.order.id
    }

    const ordersOf = async (email: string) => {
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["id", "status"], filters: { customer_id: customers[email] } })
      return data
    }

    it("an order under the limit completes; one over it is a 400 naming limit, spent, cart total and period, and nothing is ordered", async () => {
      const headers = await buyerHeaders(api, store, BUYER)
      await checkout(BUYER, 2)

      const { data: me } = await api.get("/store/b2b/me", headers)
      expect(me.spending).toMatchObject({ limit: "300", currency_code: "eur", period: "month", spent: "200", remaining: "100" })
      const { data: listed } = await api.get(`/admin/b2b/companies/${companyId}/employees`, store.admin)
      const spendingOf = (email: string) => listed.employees.find((e: { customer_id: string }) => e.customer_id === customers[email]).spending
      expect(spendingOf(BUYER)).toMatchObject({ spent: "200", remaining: "100" })
      expect(spendingOf(ADMIN)).toMatchObject({ period: "quarter", spent: "0", remaining: "150" })
      expect(spendingOf(UNLIMITED)).toBeNull()

      const cartId = await readyCart(headers, 2)
      const refused = await failure(complete(headers, cartId))
      expect(refused.status).toBe(400)
      expect(refused.message).toContain("spending limit of 300 EUR per month")
      expect(refused.message).toContain("this cart of 200 EUR")
      expect(refused.message).toContain("spent this month")
      expect(refused.message).toContain("200 EUR, remaining 100 EUR")
      expect(await ordersOf(BUYER)).toHaveLength(1)
      const { data: cart } = await api.get(`/store/carts/${cartId}`, headers)
      expect(cart.cart.completed_at).toBeNull()

      // Exactly up to the limit is allowed.
      await checkout(BUYER, 1)
      const { data: full } = await api.get("/store/b2b/me", headers)
      expect(full.spending).toMatchObject({ spent: "300", remaining: "0" })
      expect(await ordersOf(BUYER)).toHaveLength(2)
    })

    it("a canceled order frees the limit", async () => {
      const orderId = await checkout(BUYER, 3)
      const headers = await buyerHeaders(api, store, BUYER)
      expect((await failure(complete(headers, await readyCart(headers, 1)))).status).toBe(400)

      await api.post(`/admin/orders/${orderId}/cancel`, {}, store.admin)
      const { data: me } = await api.get("/store/b2b/me", headers)
      expect(me.spending).toMatchObject({ spent: "0", remaining: "300" })
      await checkout(BUYER, 3)
    })

    it("a refund frees what was refunded", async () => {
      const orderId = await checkout(BUYER, 3)
      const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({ entity: "order", fields: ["payment_collections.payments.id"], filters: { id: orderId } })
      const paymentId = data[0].payment_collections![0]!.payments![0]!.id
      await api.post(`/admin/payments/${paymentId}/capture`, {}, store.admin)
      await api.post(`/admin/payments/${paymentId}/refund`, { amount: 100 }, store.admin)

      const headers = await buyerHeaders(api, store, BUYER)
      const { data: me } = await api.get("/store/b2b/me", headers)
      expect(me.spending).toMatchObject({ spent: "200", remaining: "100" })
      expect((await failure(complete(headers, await readyCart(headers, 2)))).status).toBe(400)
      await checkout(BUYER, 1)
    })

    it("a new period starts from nothing: last month's orders do not count", async () => {
      const orderId = await checkout(BUYER, 3)
      const now = new Date()
      const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15))
      await container.resolve(ContainerRegistrationKeys.PG_CONNECTION).raw(`update "order" set created_at = ? where id = ?`, [lastMonth, orderId])

      const headers = await buyerHeaders(api, store, BUYER)
      const { data: me } = await api.get("/store/b2b/me", headers)
      expect(me.spending).toMatchObject({ spent: "0", remaining: "300" })
      expect(new Date(me.spending.period_start).getTime()).toBe(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
      await checkout(BUYER, 3)
    })

    it("a company admin with a limit follows it; an employee without a limit and a customer of no company are unaffected", async () => {
      const adminHeaders = await buyerHeaders(api, store, ADMIN)
      const refused = await failure(complete(adminHeaders, await readyCart(adminHeaders, 2)))
      expect(refused.status).toBe(400)
      expect(refused.message).toContain("spending limit of 150 EUR per quarter")
      expect(await ordersOf(ADMIN)).toHaveLength(0)
      await checkout(ADMIN, 1)

      await checkout(UNLIMITED, 20)
      const { data: unlimited } = await api.get("/store/b2b/me", await buyerHeaders(api, store, UNLIMITED))
      expect(unlimited.spending).toBeNull()

      await checkout(OUTSIDER, 20)
      const { data: outsider } = await api.get("/store/b2b/me", await buyerHeaders(api, store, OUTSIDER))
      expect(outsider).toEqual({ company: null, employee: null, contract: null })
    })

    it("two carts of the same employee completed at once cannot both pass the limit", async () => {
      const headers = await buyerHeaders(api, store, BUYER)
      const carts = [await readyCart(headers, 2), await readyCart(headers, 2)]
      const outcomes = await Promise.allSettled(carts.map((id) => complete(headers, id)))
      expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"])
      const rejected = outcomes.find((o): o is PromiseRejectedResult => o.status === "rejected")!
      expect(rejected.reason.response.status).toBe(400)
      expect(rejected.reason.response.data.message).toContain("spending limit of 300 EUR per month")
      expect(await ordersOf(BUYER)).toHaveLength(1)
    })

    it("a hold left by a checkout that never finished makes the next one wait, then a 409, not a pass; once it is gone, checkout works", async () => {
      const locking = container.resolve(Modules.LOCKING)
      const key = `b2b.spending-limit:${customers[BUYER]}`
      await locking.acquire(key, { ownerId: "cart_crashed", expire: 120 })
      const headers = await buyerHeaders(api, store, BUYER)
      const cartId = await readyCart(headers, 1)
      const blocked = await failure(complete(headers, cartId))
      // Medusa's error handler answers every CONFLICT with its own generic message.
      expect(blocked.status).toBe(409)
      expect(await ordersOf(BUYER)).toHaveLength(0)

      await locking.release(key, { ownerId: "cart_crashed" })
      const { data } = await complete(headers, cartId)
      expect(data.type).toBe("order")
    })
  },
})
