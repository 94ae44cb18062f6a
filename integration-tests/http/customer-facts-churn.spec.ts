import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../src/modules/customer-facts/service"
import type { OrderFactInput } from "../../src/modules/customer-facts/types"
import { recomputeRfmWorkflow } from "../../src/workflows/customer-facts/recompute-rfm"
import { adminHeaders } from "../helpers/auth"
import { eventually, failure } from "../helpers/requests"

jest.setTimeout(300_000)

const DAY = 86_400_000

/** An imported order of one line, placed `days` ago. */
const importedOrder = (customer_id: string, days: number): OrderFactInput => ({
  source: "import",
  order_key: `churn-${customer_id}-${days}`,
  customer_id,
  placed_at: new Date(Date.now() - days * DAY),
  currency_code: "eur",
  total: "25",
  refunded_total: "0",
  lines: [{ line_key: "REFILL-30", product_id: null, variant_id: null, sku: "REFILL-30", quantity: 1, refunded_quantity: 0, unit_amount: "25", net_amount: "25" }],
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let headers: { headers: Record<string, string> }
    const ids: Record<string, string> = {}

    const preview = async (definition: unknown) => (await api.post("/admin/segments/preview", { definition, sample_size: 50 }, headers)).data

    beforeAll(async () => {
      container = getContainer()
      headers = await adminHeaders(container, api)
      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const facts: CustomerFactsModuleService = container.resolve(CUSTOMER_FACTS_MODULE)
      // Monthly buyers (one 60 days quiet, one ordered 10 days ago) and a one-time buyer 45 days ago.
      const history: Record<string, number[]> = { overdue: [120, 90, 60], on_time: [70, 40, 10], once: [45] }
      for (const name of Object.keys(history)) {
        const { data } = await api.post("/admin/customers", { email: `churn-${name}@example.com`, first_name: name }, headers)
        ids[name] = data.customer.id
        await eventually(() => pg("customer_fact").where({ customer_id: data.customer.id }).first(), (f) => !!f)
      }
      await facts.upsertImportedOrders(Object.entries(history).flatMap(([name, days]) => days.map((d) => importedOrder(ids[name], d))))
      // The nightly run: the store's typical gap for the one-time buyer.
      await recomputeRfmWorkflow(container).run({ input: {} })
    })

    it("rates a customer ordering every 30 days and quiet for 60 as high churn risk, and a segment on it counts them", async () => {
      const { data } = await api.get(`/admin/customer-facts/customers/${ids.overdue}`, headers)
      expect(data.fact).toMatchObject({ expected_order_gap_days: 30, churn_risk_ratio: 2, churn_risk: "high" })
      const high = await preview({ field: "churn_risk", op: "is", level: "high" })
      expect(high.count).toBe(1)
      expect(high.sample.map((c: { customer_id: string }) => c.customer_id)).toEqual([ids.overdue])

      // The one-time buyer falls back to the store's gap (30 days): 45 days quiet is 1.5, medium.
      const atLeastMedium = await preview({ field: "churn_risk", op: "at_least", level: "medium" })
      expect(atLeastMedium.sample.map((c: { customer_id: string }) => c.customer_id).sort()).toEqual([ids.overdue, ids.once].sort())
      expect((await preview({ field: "churn_risk", op: "at_most", level: "low" })).count).toBe(1)
      expect((await preview({ field: "churn_risk_ratio", op: "gte", value: 1.5 })).count).toBe(2)

      const { data: why } = await api.post(
        "/admin/segments/explain",
        { definition: { and: [{ field: "churn_risk", op: "at_least", level: "medium" }, { field: "churn_risk_ratio", op: "gt", value: 1.9 }] }, customer_id: ids.once },
        headers
      )
      expect(why.explanation.tree).toMatchObject({
        result: false,
        children: [
          { kind: "churn_risk", description: "churn risk at least medium", result: true, value: "medium" },
          { kind: "churn_risk_ratio", result: false, value: 1.5 },
        ],
      })
    })

    it("finds who is due within the next 30 days by expected next order date", async () => {
      // on_time: last order 10 days ago, due in 20; overdue was due 30 days ago, once 15 days ago.
      const due = await preview({ field: "expected_next_order_at", op: "within_next", amount: 30, unit: "days" })
      expect(due.sample.map((c: { customer_id: string }) => c.customer_id)).toEqual([ids.on_time])
      const late = await preview({ field: "expected_next_order_at", op: "more_than_ago", amount: 20, unit: "days" })
      expect(late.sample.map((c: { customer_id: string }) => c.customer_id)).toEqual([ids.overdue])
    })

    it("answers 400 naming the field for a bad churn condition, and lists the fields in the catalog", async () => {
      const bad = await failure(api.post("/admin/segments/preview", { definition: { field: "churn_risk", op: "is", level: "severe" } }, headers))
      expect(bad.status).toBe(400)
      expect(bad.message).toContain("definition.level")
      const { data } = await api.get("/admin/segments/fields", headers)
      const fields = JSON.stringify(data)
      for (const field of ["expected_next_order_at", "churn_risk", "churn_risk_ratio"]) {
        expect(fields).toContain(`"${field}"`)
      }
    })
  },
})
