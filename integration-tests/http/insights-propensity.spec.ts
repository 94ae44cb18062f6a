import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { SeededRandom } from "../../src/scripts/demo-data/random"
import { adminHeaders } from "../helpers/auth"
import { propensityStore, writeFacts } from "../helpers/insights-fixtures"
import { eventually, failure } from "../helpers/requests"

jest.setTimeout(900_000)

const now = new Date()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbUtils }) => {
    let container: MedusaContainer
    let admin: { headers: Record<string, string> }
    let coffee: string
    let tea: string
    let habit: Set<string>

    beforeAll(async () => {
      container = getContainer()
      admin = await adminHeaders(container, api)
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: ["Coffee beans", "Green tea"].map((title) => ({
            title,
            status: "published" as const,
            options: [{ title: "Size", values: ["1 kg"] }],
            variants: [{ title: "1 kg", options: { Size: "1 kg" }, prices: [{ currency_code: "eur", amount: 12 }] }],
          })),
        },
      })
      coffee = result.find((p) => p.title === "Coffee beans")!.id
      tea = result.find((p) => p.title === "Green tea")!.id
      const store = propensityStore({ coffee, tea, others: ["prod_other_1", "prod_other_2", "prod_other_3", "prod_other_4"] }, { customers: 2500, seed: 5, now })
      habit = store.habit
      await writeFacts(container, store)
      await dbUtils.snapshot()
    })

    /** Defines a model and waits for the worker to train it. */
    async function trained(body: Record<string, unknown>) {
      const { status, data } = await api.post("/admin/insights/propensity-models", body, admin)
      expect([status, data.propensity_model.status]).toEqual([202, "pending"])
      return eventually(
        async () => (await api.get(`/admin/insights/propensity-models/${data.propensity_model.id}`, admin)).data.propensity_model,
        (m: { status: string }) => m.status === "completed" || m.status === "failed",
        300_000
      )
    }

    it("refuses bad models with a 400 naming the field", async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ target: { product_ids: [coffee] } }, "name"],
        [{ name: "x" }, "target"],
        [{ name: "x", target: {} }, "target"],
        [{ name: "x", target: { product_ids: [coffee], metadata_key: "card" } }, "target"],
        [{ name: "x", target: { metadata_value: "yes" } }, "target"],
        [{ name: "x", target: { product_ids: [coffee] }, horizon_days: 3 }, "horizon_days"],
        [{ name: "x", target: { product_ids: ["prod_missing"] } }, "target.product_ids"],
        [{ name: "x", target: { category_ids: ["pcat_missing"] } }, "target.category_ids"],
      ]
      for (const [body, field] of cases) {
        const { status, message } = await failure(api.post("/admin/insights/propensity-models", body, admin))
        expect([JSON.stringify(body), status]).toEqual([JSON.stringify(body), 400])
        expect(message).toContain(field)
      }
      expect((await api.get("/admin/insights/propensity-models", admin)).data.count).toBe(0)
    })

    it("learns the planted coffee habit (held-out AUC well above 0.5, lift at the top 10 %) and saves the top K as a segment", async () => {
      const model = await trained({ name: "Coffee next month", target: { product_ids: [coffee] }, horizon_days: 30 })
      expect(model).toMatchObject({ status: "completed", horizon_days: 30, library: "ml-logistic-regression" })
      expect(model.holdout_positives).toBeGreaterThan(50)
      expect(model.auc).toBeGreaterThan(0.8)
      expect(model.lift_top_decile).toBeGreaterThan(2.5)
      expect(model.scored_count).toBe(2500)

      const { data: ranked } = await api.get(`/admin/insights/propensity-models/${model.id}/customers?limit=100`, admin)
      expect(ranked.customers.map((c: { rank: number }) => c.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
      const habitual = ranked.customers.filter((c: { customer_id: string }) => habit.has(c.customer_id)).length
      expect(habitual).toBeGreaterThanOrEqual(90)

      const bad = await failure(api.post(`/admin/insights/propensity-models/${model.id}/segment`, {}, admin))
      expect(bad.status).toBe(400)
      expect(bad.message).toContain("top_k")
      const { data: made } = await api.post(`/admin/insights/propensity-models/${model.id}/segment`, { top_k: 100 }, admin)
      const segment = await eventually(
        async () => (await api.get(`/admin/segments/${made.segment.id}`, admin)).data.segment,
        (s: { member_count: number }) => s.member_count === 100,
        60_000
      )
      expect(segment.member_count).toBe(100)
      const { data: members } = await api.get(`/admin/segments/${made.segment.id}/members?limit=500`, admin)
      expect(members.members.map((m: { customer_id: string }) => m.customer_id).sort()).toEqual(
        ranked.customers.map((c: { customer_id: string }) => c.customer_id).sort()
      )
      expect((await api.get(`/admin/insights/propensity-models/${model.id}`, admin)).data.propensity_model.segment_id).toBe(made.segment.id)

      // Retraining goes back to the worker and comes back with the same ranking (same facts, same sample).
      const { status, data: again } = await api.post(`/admin/insights/propensity-models/${model.id}/train`, {}, admin)
      expect([status, again.propensity_model.status]).toEqual([202, "pending"])
      const retrained = await eventually(
        async () => (await api.get(`/admin/insights/propensity-models/${model.id}`, admin)).data.propensity_model,
        (m: { status: string }) => m.status === "completed",
        300_000
      )
      expect(retrained.auc).toBeCloseTo(model.auc, 2)
    })

    it("finds nothing to learn where there is no signal: tea bought at random has a held-out AUC near 0.5", async () => {
      const model = await trained({ name: "Tea next month", target: { product_ids: [tea] }, horizon_days: 30 })
      expect(model.status).toBe("completed")
      expect(model.holdout_positives).toBeGreaterThan(200)
      expect(Math.abs(model.auc - 0.5)).toBeLessThan(0.06)
      expect(model.lift_top_decile).toBeLessThan(1.5)
    })

    it("ranks who is likely to have a metadata flag (the co-branded card), leaving out those who already have it", async () => {
      // Most coffee regulars applied for the card, few others did.
      const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
      const random = new SeededRandom(9)
      const { rows } = await knex.raw(`select customer_id from customer_fact where customer_id like 'cus_prop_%' order by customer_id`)
      const holders = (rows as { customer_id: string }[]).map((r) => r.customer_id).filter((id) => random.chance(habit.has(id) ? 0.7 : 0.04))
      await knex("customer_fact").whereIn("customer_id", holders).update({ metadata: JSON.stringify({ cobrand_card: "yes" }) })
      const model = await trained({ name: "Applies for the card", target: { metadata_key: "cobrand_card", metadata_value: "yes" }, horizon_days: 30 })
      expect(model.status).toBe("completed")
      expect(model.auc).toBeGreaterThan(0.75)
      expect(model.scored_count).toBe(2500 - holders.length)
      const { data } = await api.get(`/admin/insights/propensity-models/${model.id}/customers?limit=500`, admin)
      const ranked = data.customers.map((c: { customer_id: string }) => c.customer_id)
      expect(ranked.filter((id: string) => holders.includes(id))).toEqual([])
      // The regulars who have no card yet are the most likely to apply.
      expect(ranked.slice(0, 50).filter((id: string) => habit.has(id)).length).toBeGreaterThanOrEqual(45)
    })
  },
})
