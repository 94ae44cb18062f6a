import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { WorkflowData } from "@medusajs/framework/workflows-sdk"
import { createTiersStep } from "../../src/workflows/loyalty-points/steps/create-tiers"
import { deleteTiersStep } from "../../src/workflows/loyalty-points/steps/delete-tiers"
import { updateTiersStep } from "../../src/workflows/loyalty-points/steps/update-tiers"
import { adminHeaders } from "../helpers/auth"
import { thenFail, type Headers } from "../helpers/loyalty-fixtures"
import { failure } from "../helpers/requests"

jest.setTimeout(120_000)

const createTierThenFail = thenFail(
  "loyalty-tiers-spec-create-then-fail",
  (input: WorkflowData<{ name: string; rank: number; threshold: number }>) => createTiersStep([input])
)
const updateTierThenFail = thenFail(
  "loyalty-tiers-spec-update-then-fail",
  (input: WorkflowData<{ id: string; name: string; threshold: number; earn_multiplier: number }>) => updateTiersStep([input])
)
const deleteTierThenFail = thenFail("loyalty-tiers-spec-delete-then-fail", (input: WorkflowData<{ id: string }>) =>
  deleteTiersStep([input.id])
)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let admin: Headers
    let groupId: string

    beforeAll(async () => {
      container = getContainer()
      admin = await adminHeaders(container, api)
      groupId = (await container.resolve(Modules.CUSTOMER).createCustomerGroups({ name: "Gold members" })).id
    })

    it("creates, lists, updates and deletes tiers, refusing bad fields with a 400 naming them", async () => {
      const gold = {
        name: "Gold",
        rank: 2,
        basis: "spend",
        threshold: 500,
        currency_code: "eur",
        earn_multiplier: 1.5,
        customer_group_id: groupId,
      }
      const created = (await api.post("/admin/loyalty/tiers", gold, admin)).data.tier
      expect(created).toMatchObject({ ...gold, id: expect.stringMatching(/^lptier_/), is_active: true })
      const silver = (await api.post("/admin/loyalty/tiers", { name: "Silver", rank: 1, threshold: 100 }, admin)).data.tier
      expect(silver).toMatchObject({ basis: "points", threshold: 100, currency_code: null, earn_multiplier: 1 })

      const list = (await api.get("/admin/loyalty/tiers?limit=1", admin)).data
      expect(list).toMatchObject({ count: 2, limit: 1, offset: 0 })
      expect(list.tiers.map((t: { name: string }) => t.name)).toEqual(["Silver"])
      expect((await api.get("/admin/loyalty/tiers?offset=1", admin)).data.tiers.map((t: { id: string }) => t.id)).toEqual([
        created.id,
      ])

      const refused = [
        [{ ...gold, rank: 3, name: "" }, "name"],
        [{ ...gold, rank: 3, name: undefined }, "name"],
        [{ ...gold, rank: 0 }, "rank"],
        [{ ...gold, rank: 1.5 }, "rank"],
        [{ ...gold, rank: 1 }, "rank"],
        [{ ...gold, rank: 3, basis: "visits" }, "basis"],
        [{ ...gold, rank: 3, threshold: -1 }, "threshold"],
        [{ ...gold, rank: 3, threshold: undefined }, "threshold"],
        [{ ...gold, rank: 3, currency_code: "EUR" }, "currency_code"],
        [{ ...gold, rank: 3, currency_code: null }, "currency_code"],
        [{ ...gold, rank: 3, basis: "points" }, "currency_code"],
        [{ ...gold, rank: 3, earn_multiplier: 0 }, "earn_multiplier"],
        [{ ...gold, rank: 3, customer_group_id: "cusgroup_missing" }, "customer_group_id"],
      ] as const
      for (const [bad, field] of refused) {
        const error = await failure(api.post("/admin/loyalty/tiers", bad, admin))
        expect({ field, ...error }).toEqual({ field, status: 400, message: expect.stringContaining(field) })
      }
      expect((await api.get("/admin/loyalty/tiers", admin)).data.count).toBe(2)

      const updated = (
        await api.post(`/admin/loyalty/tiers/${created.id}`, { name: "Gold 2026", threshold: 750 }, admin)
      ).data.tier
      expect(updated).toMatchObject({ ...gold, name: "Gold 2026", threshold: 750 })
      expect((await api.get(`/admin/loyalty/tiers/${created.id}`, admin)).data.tier).toEqual(updated)

      // Updates are checked against the stored values.
      const badUpdates = [
        [{ rank: 1 }, "rank"],
        [{ basis: "points" }, "currency_code"],
        [{ currency_code: null }, "currency_code"],
        [{ customer_group_id: "cusgroup_missing" }, "customer_group_id"],
        [{ earn_multiplier: -2 }, "earn_multiplier"],
      ] as const
      for (const [bad, field] of badUpdates) {
        const error = await failure(api.post(`/admin/loyalty/tiers/${created.id}`, bad, admin))
        expect({ field, ...error }).toEqual({ field, status: 400, message: expect.stringContaining(field) })
      }
      // An inactive tier gives its rank up; a points tier drops its currency.
      await api.post(`/admin/loyalty/tiers/${silver.id}`, { is_active: false }, admin)
      expect(
        (await api.post(`/admin/loyalty/tiers/${created.id}`, { rank: 1, basis: "points", currency_code: null }, admin)).data
          .tier
      ).toMatchObject({ rank: 1, basis: "points", currency_code: null })
      expect((await api.get("/admin/loyalty/tiers?is_active=true", admin)).data.count).toBe(1)

      const deleted = await api.delete(`/admin/loyalty/tiers/${created.id}`, admin)
      expect(deleted.data).toEqual({ id: created.id, object: "loyalty_tier", deleted: true })
      expect((await failure(api.get(`/admin/loyalty/tiers/${created.id}`, admin))).status).toBe(404)
      expect((await api.get("/admin/loyalty/tiers", admin)).data.count).toBe(1)
      // A deleted tier's rank is free again.
      const reused = (await api.post("/admin/loyalty/tiers", { name: "Bronze", rank: 1, threshold: 0 }, admin)).data.tier
      await api.delete(`/admin/loyalty/tiers/${reused.id}`, admin)

      expect((await failure(api.get("/admin/loyalty/tiers/lptier_missing", admin))).status).toBe(404)
      expect((await failure(api.post("/admin/loyalty/tiers/lptier_missing", { name: "x" }, admin))).status).toBe(404)
      expect((await failure(api.delete("/admin/loyalty/tiers/lptier_missing", admin))).status).toBe(404)
    })

    it("compensates: a failed workflow removes the tier it created and restores the tier it changed or deleted", async () => {
      const before = (await api.get("/admin/loyalty/tiers", admin)).data.count
      const createRun = await createTierThenFail(container).run({
        input: { name: "Ghost", rank: 40, threshold: 1 },
        throwOnError: false,
      })
      expect(createRun.errors[0].error.message).toBe("forced failure")
      expect((await api.get("/admin/loyalty/tiers", admin)).data.count).toBe(before)

      const tier = (
        await api.post("/admin/loyalty/tiers", { name: "Before", rank: 50, threshold: 10, earn_multiplier: 2 }, admin)
      ).data.tier
      const updateRun = await updateTierThenFail(container).run({
        input: { id: tier.id, name: "After", threshold: 99, earn_multiplier: 3 },
        throwOnError: false,
      })
      expect(updateRun.errors).toHaveLength(1)
      const restored = (await api.get(`/admin/loyalty/tiers/${tier.id}`, admin)).data.tier
      expect(restored).toMatchObject({ name: "Before", threshold: 10, earn_multiplier: 2 })

      await deleteTierThenFail(container).run({ input: { id: tier.id }, throwOnError: false })
      expect((await api.get(`/admin/loyalty/tiers/${tier.id}`, admin)).data.tier.name).toBe("Before")
    })
  },
})
