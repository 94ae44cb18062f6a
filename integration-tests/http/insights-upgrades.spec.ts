import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { createStep, createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { INSIGHTS_MODULE } from "../../src/modules/insights"
import type InsightsModuleService from "../../src/modules/insights/service"
import { createUpgradePathsStep, type CreateUpgradePathInput } from "../../src/workflows/insights/steps/create-upgrade-paths"
import { deleteUpgradePathsStep } from "../../src/workflows/insights/steps/delete-upgrade-paths"
import { updateUpgradePathsStep, type UpdateUpgradePathInput } from "../../src/workflows/insights/steps/update-upgrade-paths"
import { adminHeaders } from "../helpers/auth"
import { DAY, writeFacts } from "../helpers/insights-fixtures"
import { eventually, failure } from "../helpers/requests"

jest.setTimeout(600_000)

const failAfter = createStep("insights-test-fail-after", async () => {
  throw new Error("planned failure after the step")
})
const createThenFail = createWorkflow("insights-test-create-then-fail", (input: WorkflowData<{ paths: CreateUpgradePathInput[] }>) => {
  createUpgradePathsStep(input.paths)
  failAfter()
  return new WorkflowResponse(input)
})
const updateThenFail = createWorkflow("insights-test-update-then-fail", (input: WorkflowData<{ paths: UpdateUpgradePathInput[] }>) => {
  updateUpgradePathsStep(input.paths)
  failAfter()
  return new WorkflowResponse(input)
})
const deleteThenFail = createWorkflow("insights-test-delete-then-fail", (input: WorkflowData<{ ids: string[] }>) => {
  deleteUpgradePathsStep(input.ids)
  failAfter()
  return new WorkflowResponse(input)
})

const now = new Date()

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbUtils }) => {
    let container: MedusaContainer
    let admin: { headers: Record<string, string> }
    const software: Record<string, { id: string; variants: Record<string, string> }> = {}

    beforeAll(async () => {
      container = getContainer()
      admin = await adminHeaders(container, api)
      const { result } = await createProductsWorkflow(container).run({
        input: {
          products: ["Office Suite 2.0", "Office Suite 3.0", "Photo Editor"].map((title) => ({
            title,
            status: "published" as const,
            options: [{ title: "Language", values: ["English", "German"] }],
            variants: ["English", "German"].map((language) => ({
              title: language,
              sku: `${title.replace(/\W/g, "")}-${language}`,
              options: { Language: language },
              prices: [{ currency_code: "eur", amount: 99 }],
            })),
          })),
        },
      })
      for (const product of result) {
        software[product.title] = { id: product.id, variants: Object.fromEntries(product.variants.map((v) => [v.title!, v.id])) }
      }
      // Owners of 2.0: a1–a3 (English), g1–g2 (German); a3 and g2 already bought 3.0 (a3 in German).
      const v2 = software["Office Suite 2.0"]
      const v3 = software["Office Suite 3.0"]
      const line = (product: { id: string; variants: Record<string, string> }, language: string) => ({ product_id: product.id, variant_id: product.variants[language] })
      const orders = [
        ["cus_a1", [line(v2, "English")]],
        ["cus_a2", [line(v2, "English")]],
        ["cus_a3", [line(v2, "English")]],
        ["cus_a3", [line(v3, "German")]],
        ["cus_g1", [line(v2, "German")]],
        ["cus_g2", [line(v2, "German")]],
        ["cus_g2", [line(v3, "German")]],
        ["cus_p1", [line(software["Photo Editor"], "English")]],
      ] as const
      await writeFacts(container, {
        customers: ["cus_a1", "cus_a2", "cus_a3", "cus_g1", "cus_g2", "cus_p1"].map((id) => ({ id, created_at: new Date(now.getTime() - 400 * DAY) })),
        orders: orders.map(([customer_id, lines], i) => ({ customer_id, placed_at: new Date(now.getTime() - (100 - i) * DAY), lines: [...lines] })),
      })
      await dbUtils.snapshot()
    })

    it("refuses bad upgrade paths with a 400 naming the field", async () => {
      const v2 = software["Office Suite 2.0"]
      const v3 = software["Office Suite 3.0"]
      const cases: [Record<string, unknown>, string][] = [
        [{}, "product_id"],
        [{ product_id: v2.id }, "successor_product_id"],
        [{ product_id: "prod_missing", successor_product_id: v3.id }, "product_id"],
        [{ product_id: v2.id, successor_product_id: "prod_missing" }, "successor_product_id"],
        [{ product_id: v2.id, successor_product_id: v3.id, variant_id: v3.variants.English }, "variant_id"],
        [{ product_id: v2.id, successor_product_id: v3.id, successor_variant_id: "variant_missing" }, "successor_variant_id"],
        [{ product_id: v2.id, successor_product_id: v2.id }, "successor_product_id"],
        [{ product_id: v2.id, successor_product_id: v3.id, is_active: "yes" }, "is_active"],
        [{ product_id: v2.id, successor_product_id: v3.id, colour: "red" }, "colour"],
      ]
      for (const [body, field] of cases) {
        const { status, message } = await failure(api.post("/admin/insights/upgrade-paths", body, admin))
        expect([JSON.stringify(body), status]).toEqual([JSON.stringify(body), 400])
        expect(message).toContain(field)
      }
      const { data } = await api.get("/admin/insights/upgrade-paths", admin)
      expect(data.count).toBe(0)
    })

    it("lists the owners of the predecessor without the successor, per edition, and the segment condition finds the same customers", async () => {
      const v2 = software["Office Suite 2.0"]
      const v3 = software["Office Suite 3.0"]
      const { data: any } = await api.post("/admin/insights/upgrade-paths", { product_id: v2.id, successor_product_id: v3.id }, admin)
      expect(any.upgrade_path).toMatchObject({ product_id: v2.id, successor_product_id: v3.id, variant_id: null, is_active: true })
      const { data: owners } = await api.get(`/admin/insights/upgrade-paths/${any.upgrade_path.id}/owners`, admin)
      expect(owners.count).toBe(3)
      expect(owners.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual(["cus_a1", "cus_a2", "cus_g1"])

      // A second active path from the same product is refused; per edition, German to German.
      const clash = await failure(api.post("/admin/insights/upgrade-paths", { product_id: v2.id, successor_product_id: v3.id }, admin))
      expect(clash).toMatchObject({ status: 400 })
      expect(clash.message).toContain("product_id")
      await api.post(`/admin/insights/upgrade-paths/${any.upgrade_path.id}`, { variant_id: v2.variants.English, successor_variant_id: v3.variants.English, edition: "English" }, admin)
      const { data: german } = await api.post(
        "/admin/insights/upgrade-paths",
        { product_id: v2.id, variant_id: v2.variants.German, successor_product_id: v3.id, successor_variant_id: v3.variants.German, edition: "German" },
        admin
      )
      const { data: en } = await api.get(`/admin/insights/upgrade-paths/${any.upgrade_path.id}/owners`, admin)
      // a3 bought 3.0 in German, not the English successor: still an English upgrade owner.
      expect(en.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual(["cus_a1", "cus_a2", "cus_a3"])
      const { data: de } = await api.get(`/admin/insights/upgrade-paths/${german.upgrade_path.id}/owners?limit=1`, admin)
      expect(de).toMatchObject({ count: 1, next_after: "cus_g1" })
      expect(de.customers.map((c: { customer_id: string }) => c.customer_id)).toEqual(["cus_g1"])

      const { data: preview } = await api.post("/admin/segments/preview", { definition: { field: "upgrade_available", upgrade_path_ids: [german.upgrade_path.id] } }, admin)
      expect(preview.count).toBe(1)
      const { data: all } = await api.post("/admin/segments/preview", { definition: { field: "upgrade_available" } }, admin)
      expect(all.count).toBe(4)
      const { data: saved } = await api.post("/admin/segments", { name: "Upgrade to 3.0", definition: { field: "upgrade_available" } }, admin)
      // The membership is computed on the worker after the save.
      const members = await eventually(
        async () => (await api.get(`/admin/segments/${saved.segment.id}/members`, admin)).data,
        (d: { members: unknown[] }) => d.members.length > 0,
        60_000
      )
      expect(members.members.map((m: { customer_id: string }) => m.customer_id).sort()).toEqual(["cus_a1", "cus_a2", "cus_a3", "cus_g1"])

      // Deactivated paths find nobody; deleted ones are gone.
      await api.post(`/admin/insights/upgrade-paths/${german.upgrade_path.id}`, { is_active: false }, admin)
      expect((await api.post("/admin/segments/preview", { definition: { field: "upgrade_available" } }, admin)).data.count).toBe(3)
      await api.delete(`/admin/insights/upgrade-paths/${german.upgrade_path.id}`, admin)
      const gone = await failure(api.get(`/admin/insights/upgrade-paths/${german.upgrade_path.id}`, admin))
      expect(gone.status).toBe(404)
      const missing = await failure(api.get(`/admin/insights/upgrade-paths/iupg_missing/owners`, admin))
      expect(missing.status).toBe(404)
    })

    it("rolls back each step when a later step fails: created deleted, updated fields restored, deleted restored", async () => {
      const insights = container.resolve<InsightsModuleService>(INSIGHTS_MODULE)
      const v2 = software["Office Suite 2.0"]
      const v3 = software["Office Suite 3.0"]
      const created = await createThenFail(container).run({ input: { paths: [{ product_id: v2.id, successor_product_id: v3.id }] }, throwOnError: false })
      expect(created.errors[0].error.message).toContain("planned failure")
      expect(await insights.listUpgradePaths({})).toEqual([])

      const [path] = await insights.createUpgradePaths([{ product_id: v2.id, successor_product_id: v3.id, edition: "All" }])
      const updated = await updateThenFail(container).run({
        input: { paths: [{ id: path.id, variant_id: v2.variants.German, successor_variant_id: v3.variants.German, edition: "German" }] },
        throwOnError: false,
      })
      expect(updated.errors[0].error.message).toContain("planned failure")
      expect(await insights.retrieveUpgradePath(path.id)).toMatchObject({ variant_id: null, successor_variant_id: null, edition: "All", is_active: true })

      const deleted = await deleteThenFail(container).run({ input: { ids: [path.id] }, throwOnError: false })
      expect(deleted.errors[0].error.message).toContain("planned failure")
      expect((await insights.listUpgradePaths({ id: path.id })).map((p) => p.id)).toEqual([path.id])
    })
  },
})
