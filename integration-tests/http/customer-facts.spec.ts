import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, CustomerWorkflowEvents, Modules, OrderWorkflowEvents } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../src/modules/customer-facts/service"
import { checkoutPlannedOrder } from "../../src/scripts/demo-data/orders"
import { planCase, planCustomer } from "../../src/scripts/demo-data/plan"
import { seedDemoStore, type SeedReport } from "../../src/scripts/demo-data/seed-demo-store"
import type { SeedOptions } from "../../src/scripts/demo-data/seed-options"
import { backfillCustomerFactsWorkflow } from "../../src/workflows/customer-facts/backfill-customer-facts"
import { adminHeaders } from "../helpers/auth"
import { checkoutOverHttp, registerShopper } from "../helpers/store-checkout"
import { eventually, failure, sleep } from "../helpers/requests"

jest.setTimeout(300_000)

const options: SeedOptions = {
  cases: ["pharmacy", "software", "electronics"],
  customers: 6,
  seed: 7,
  anchor: new Date("2026-11-01T00:00:00Z"),
}

const FACT_TABLES = ["customer_fact", "customer_spend_fact", "order_fact", "purchase_fact", "customer_product_fact"] as const
/** Columns that say when or under which id a row was written, not what it holds. */
const VOLATILE = new Set(["id", "created_at", "updated_at", "refreshed_at"])

type Pg = ReturnType<MedusaContainer["resolve"]>

/** Every facts table's content, without ids and write times, in a stable order. */
async function snapshot(pg: Pg) {
  const out: Record<string, unknown[]> = {}
  for (const table of FACT_TABLES) {
    const rows: Record<string, unknown>[] = await pg(table).select("*")
    out[table] = rows
      .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !VOLATILE.has(k))))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
  }
  // Through JSON, so dates compare as the same strings whether the snapshot was kept or fresh.
  return JSON.parse(JSON.stringify(out)) as typeof out
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let pg: Pg
    let facts: CustomerFactsModuleService
    let report: SeedReport

    const settled = async () => {
      // Subscribers run after the emitting call returns: wait until two snapshots a second apart agree.
      let previous = JSON.stringify(await snapshot(pg))
      for (let i = 0; i < 60; i++) {
        await sleep(1000)
        const next = JSON.stringify(await snapshot(pg))
        if (next === previous) {
          return JSON.parse(next)
        }
        previous = next
      }
      throw new Error("facts never settled")
    }

    beforeAll(async () => {
      container = getContainer()
      pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      facts = container.resolve(CUSTOMER_FACTS_MODULE)
      report = await seedDemoStore(container, options)
      await settled()
    })

    it("holds each planned customer's orders and units, computed from the plans without Medusa", async () => {
      const customers = await facts.listCustomerFacts({}, { take: 1000 })
      expect(customers).toHaveLength(report.customers + 1)
      for (const demoCase of options.cases) {
        for (const planned of planCase(demoCase, options.customers!, options)) {
          const [fact] = await facts.listCustomerFacts({ email: planned.email.toLowerCase() })
          expect(fact).toMatchObject({ order_count: planned.orders.length, country_code: planned.country_code })
          if (!planned.orders.length) {
            continue
          }
          const products = await facts.listCustomerProductFacts({ customer_id: fact.customer_id })
          const units = new Map<string, number>()
          for (const line of planned.orders.flatMap((o) => o.lines)) {
            units.set(line.sku, (units.get(line.sku) ?? 0) + line.quantity)
          }
          expect(Object.fromEntries(products.map((p) => [p.sku, p.quantity]))).toEqual(Object.fromEntries(units))
          const spent = planned.orders.flatMap((o) => o.lines).reduce((s, l) => s + l.quantity * l.unit_amount, 0)
          const spend = await facts.listCustomerSpendFacts({ customer_id: fact.customer_id })
          expect(spend.reduce((s, x) => s + Number(x.total_spent), 0)).toBeCloseTo(spent, 2)
          expect(new Date(fact.last_order_at!).getTime()).toBe(Math.max(...planned.orders.map((o) => o.placed_at.getTime())))
        }
      }
    })

    it("builds from events exactly what a full recomputation builds", async () => {
      // Emptying the facts would make live segments see everyone leave (and their synced groups
      // follow), which is right for real deletions and noise here.
      await pg("segment").update({ is_live: false })
      await pg.raw(`truncate ${FACT_TABLES.join(", ")}`)
      const eventBus = container.resolve(Modules.EVENT_BUS)
      const customers: { id: string }[] = await pg("customer").whereNull("deleted_at").select("id")
      const orders: { id: string }[] = await pg("order").whereNull("deleted_at").select("id")
      await eventBus.emit(customers.map((c) => ({ name: CustomerWorkflowEvents.CREATED, data: { id: c.id } })))
      await eventBus.emit(orders.map((o) => ({ name: OrderWorkflowEvents.PLACED, data: { id: o.id } })))
      const fromEvents = await settled()
      expect(fromEvents.order_fact).toHaveLength(orders.length)

      await pg.raw(`truncate ${FACT_TABLES.join(", ")}`)
      await backfillCustomerFactsWorkflow(container).run({ input: { page_size: 7 } })
      expect(await snapshot(pg)).toEqual(fromEvents)
      // A second backfill (a replay of everything) changes nothing.
      await backfillCustomerFactsWorkflow(container).run({ input: { page_size: 50 } })
      expect(await snapshot(pg)).toEqual(fromEvents)
    })

    it("takes in an order placed at checkout within seconds, once however often the event arrives, and drops it when canceled", async () => {
      const patient = planCustomer("pharmacy", 0, options)
      const [customer] = await facts.listCustomerFacts({ email: patient.email.toLowerCase() })
      const before = customer.order_count
      const orderId = await checkoutPlannedOrder(container, report.store, {
        customer: patient,
        customerId: customer.customer_id,
        order: {
          ref: "facts-checkout-1",
          placed_at: new Date(),
          region_key: "taiwan",
          currency_code: "twd",
          lines: [{ sku: "PH-MIN-60", product_handle: "minoxidil-foam-60", quantity: 3, unit_amount: 890 }],
        },
      })
      const fresh = await eventually(
        () => facts.retrieveCustomerProfile(customer.customer_id),
        (p) => p.fact.order_count === before + 1
      )
      expect(fresh.fact.order_count).toBe(before + 1)
      expect(fresh.products.find((p: { sku: string }) => p.sku === "PH-MIN-60")).toMatchObject({ quantity: expect.any(Number) })
      const mine = () => pg("customer_fact").where({ customer_id: customer.customer_id }).first()
      // The order's points arrive through their own event: wait until the row stops changing.
      let afterOrder = await mine()
      for (let previous = null as unknown; JSON.stringify(previous) !== JSON.stringify(afterOrder.points_balance); ) {
        previous = afterOrder.points_balance
        await sleep(1500)
        afterOrder = await mine()
      }

      const eventBus = container.resolve(Modules.EVENT_BUS)
      for (let i = 0; i < 3; i++) {
        await eventBus.emit({ name: OrderWorkflowEvents.PLACED, data: { id: orderId } })
      }
      await sleep(2000)
      const replayed = await mine()
      expect({ ...replayed, refreshed_at: null, updated_at: null }).toEqual({ ...afterOrder, refreshed_at: null, updated_at: null })
      expect(await pg("order_fact").where({ order_key: orderId }).count("* as n")).toEqual([{ n: "1" }])

      const headers = await adminHeaders(container, api)
      await api.post(`/admin/orders/${orderId}/cancel`, {}, headers)
      const canceled = await eventually(mine, (f) => f.order_count === before)
      expect(canceled.order_count).toBe(before)
      expect(await pg("order_fact").where({ order_key: orderId }).count("* as n")).toEqual([{ n: "0" }])
    })

    it("follows address, metadata consent and deletion changes of a customer", async () => {
      const customers = container.resolve(Modules.CUSTOMER)
      const [created] = await customers.createCustomers([{ email: "Mover@Example.com", first_name: "Mo" }])
      // The Customer module's own create emits no workflow event; the admin route does.
      const headers = await adminHeaders(container, api, "facts-admin@test.example")
      const { data } = await api.post(
        "/admin/customers",
        { email: "consent@example.com", first_name: "Con", metadata: { marketing_consent: true } },
        headers
      )
      const consentId = data.customer.id
      const consent = () => pg("customer_fact").where({ customer_id: consentId }).first()
      expect(await eventually(consent, (f) => !!f?.email_marketing_consent)).toMatchObject({ email_marketing_consent: true, email_domain: "example.com" })

      // An unsubscribe is not undone by re-reading the unchanged metadata flag.
      await facts.recordConsents([{ customer_id: consentId, purpose: "email_marketing", granted: false, source: "unsubscribe" }])
      await api.post(`/admin/customers/${consentId}`, { first_name: "Connie" }, headers)
      const renamed = await eventually(consent, (f) => f.first_name === "Connie")
      expect(renamed.email_marketing_consent).toBe(false)

      await api.post(`/admin/customers/${created.id}/addresses`, { country_code: "FR", city: "Lyon", postal_code: "69001", is_default_shipping: true }, headers)
      const moved = await eventually(
        () => pg("customer_fact").where({ customer_id: created.id }).first(),
        (f) => f?.country_code === "fr"
      )
      expect(moved).toMatchObject({ country_code: "fr", city: "Lyon", postal_code: "69001", email: "mover@example.com" })

      await api.delete(`/admin/customers/${consentId}`, headers)
      expect(await eventually(consent, (f) => !f)).toBeUndefined()
    })

    it("serves one customer's profile to the admin, follows points changes, and rebuilds everything on request", async () => {
      const headers = await adminHeaders(container, api, "facts-profile@test.example")
      const [someone] = await facts.listCustomerFacts({ order_count: { $gt: 0 } }, { take: 1 })
      await api.post(`/admin/loyalty/customers/${someone.customer_id}/adjustments`, { points: 777, reason: "goodwill" }, headers)
      const balance = await eventually(
        async () => (await api.get(`/admin/customer-facts/customers/${someone.customer_id}`, headers)).data,
        (p) => p.fact.points_balance === someone.points_balance + 777
      )
      expect(balance).toMatchObject({ customer_id: someone.customer_id, fact: { order_count: someone.order_count } })
      expect(balance.spend.length).toBeGreaterThan(0)
      expect(balance.products.length).toBeGreaterThan(0)
      expect(balance.products[0]).toMatchObject({ product_title: expect.any(String) })
      expect((await failure(api.get("/admin/customer-facts/customers/cus_missing", headers))).status).toBe(404)

      await pg("segment").update({ is_live: false })
      const before = await snapshot(pg)
      await pg.raw(`truncate ${FACT_TABLES.join(", ")}`)
      expect((await api.post("/admin/customer-facts/backfill", {}, headers)).status).toBe(202)
      await eventually(() => snapshot(pg), (now) => JSON.stringify(now) === JSON.stringify(before), 60_000)
      expect(await snapshot(pg)).toEqual(before)
    })

    it("keeps units net of a received return and spend net of a refund", async () => {
      const headers = await adminHeaders(container, api, "facts-returns@test.example")
      const shopper = await registerShopper(container, "returns@facts.example")
      const orderId = await checkoutOverHttp(api, report.store, shopper, {
        region: "taiwan",
        sales_channel: report.store.salesChannelByCase.pharmacy,
        items: [{ sku: "PH-FIN-28", quantity: 3 }],
      })
      const profile = () => facts.retrieveCustomerProfile(shopper.id)
      const placed = await eventually(profile, (p) => p.fact?.order_count === 1)
      expect(placed.products).toMatchObject([{ sku: "PH-FIN-28", quantity: 3 }])
      const paid = Number(placed.spend[0].total_spent)

      const { data: orderData } = await api.get(
        `/admin/orders/${orderId}?fields=items.id,payment_collections.payments.id,payment_collections.payments.captured_at`,
        headers
      )
      const payment = orderData.order.payment_collections[0].payments[0]
      if (!payment.captured_at) {
        await api.post(`/admin/payments/${payment.id}/capture`, {}, headers)
      }
      await api.post(`/admin/payments/${payment.id}/refund`, { amount: 1200 }, headers)
      const refunded = await eventually(profile, (p) => Number(p.spend[0]?.total_spent) === paid - 1200)
      expect(Number(refunded.spend[0].refunded_total)).toBe(1200)
      expect(Number(refunded.fact.total_spent)).toBe(paid - 1200)

      const itemId = orderData.order.items[0].id
      await api.post(`/admin/orders/${orderId}/fulfillments`, { items: [{ id: itemId, quantity: 3 }] }, headers)
      const { data: ret } = await api.post("/admin/returns", { order_id: orderId }, headers)
      const returnId = ret.return.id
      await api.post(`/admin/returns/${returnId}/request-items`, { items: [{ id: itemId, quantity: 1 }] }, headers)
      await api.post(`/admin/returns/${returnId}/request`, {}, headers)
      await api.post(`/admin/returns/${returnId}/receive`, {}, headers)
      await api.post(`/admin/returns/${returnId}/receive-items`, { items: [{ id: itemId, quantity: 1 }] }, headers)
      await api.post(`/admin/returns/${returnId}/receive/confirm`, {}, headers)
      const returned = await eventually(profile, (p) => p.products[0]?.quantity === 2)
      expect(returned.products).toMatchObject([{ sku: "PH-FIN-28", quantity: 2 }])
    })
  },
})
