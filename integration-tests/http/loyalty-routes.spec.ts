import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { WorkflowData } from "@medusajs/framework/workflows-sdk"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import { expirePointsWorkflow } from "../../src/workflows/loyalty-points/expire-points"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { adjustPointsStep } from "../../src/workflows/loyalty-points/steps/adjust-points"
import { updateEarnRulesStep } from "../../src/workflows/loyalty-points/steps/update-earn-rules"
import { deleteEarnRulesStep } from "../../src/workflows/loyalty-points/steps/delete-earn-rules"
import { customerHeaders } from "../helpers/auth"
import {
  adminWithId,
  createPublishableKey,
  recordBalanceChanges,
  registerCustomer,
  thenFail,
  type Headers,
} from "../helpers/loyalty-fixtures"
import { eventually, failure, sleep } from "../helpers/requests"

jest.setTimeout(120_000)

const ALICE = { email: "alice@loyalty.example", password: "alice-password" }
const BOB = { email: "bob@loyalty.example", password: "bob-password" }

const adjustThenFail = thenFail(
  "loyalty-routes-spec-adjust-then-fail",
  (input: WorkflowData<{ customer_id: string; points: number; reason: string; idempotency_key: string }>) => adjustPointsStep(input)
)
const updateRuleThenFail = thenFail(
  "loyalty-routes-spec-update-rule-then-fail",
  (input: WorkflowData<{ id: string; name: string; points_per_unit: number; currency_code: string }>) => updateEarnRulesStep([input])
)
const deleteRuleThenFail = thenFail("loyalty-routes-spec-delete-rule-then-fail", (input: WorkflowData<{ id: string }>) =>
  deleteEarnRulesStep([input.id])
)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let admin: Headers
    let adminUserId: string
    let aliceId: string
    let bobId: string
    let publishableKey: string
    let balanceChanges: string[][]

    const adjust = (customerId: string, body: Record<string, unknown>) =>
      api.post(`/admin/loyalty/customers/${customerId}/adjustments`, body, admin)
    const store = (person: { email: string; password: string }) =>
      customerHeaders(api, person.email, person.password, publishableKey)

    beforeAll(async () => {
      container = getContainer()
      const { userId, ...headers } = await adminWithId(container, api)
      admin = headers
      adminUserId = userId
      aliceId = await registerCustomer(container, ALICE)
      bobId = await registerCustomer(container, BOB)
      publishableKey = await createPublishableKey(container, "Loyalty spec")
      balanceChanges = recordBalanceChanges(container)
    })

    beforeEach(() => {
      balanceChanges.length = 0
    })

    it("credits and debits points by hand; admin and store agree; an overdraft is refused and changes nothing", async () => {
      const credit = await adjust(aliceId, { points: 100, reason: "Apology for a late delivery" })
      expect(credit.status).toBe(200)
      expect(credit.data.transaction_id).toMatch(/^lptx_/)
      expect(credit.data.balance).toMatchObject({ customer_id: aliceId, balance: 100, available: 100, pending: 0, debt: 0 })

      const debit = await adjust(aliceId, { points: -30, reason: "Double credit corrected" })
      expect(debit.data.balance).toMatchObject({ balance: 70, available: 70 })
      // Manual adjustments are not earnings.
      expect(debit.data.balance.lifetime_earned).toBe(0)

      const overdraft = await failure(adjust(aliceId, { points: -1000, reason: "Too much" }))
      expect(overdraft.status).toBe(400)
      expect(overdraft.message).toContain("points")
      expect(overdraft.message).toContain("only 70 available")

      const { data } = await api.get(`/admin/loyalty/customers/${aliceId}`, admin)
      expect(data.customer_id).toBe(aliceId)
      expect(data.tier).toBeNull()
      expect(data.balance).toMatchObject({ balance: 70, available: 70, pending: 0, debt: 0, lifetime_earned: 0 })
      expect(data.balance.next_expiry.points).toBe(70)
      expect(data.lots).toHaveLength(1)
      expect(data.lots[0]).toMatchObject({ points: 100, remaining: 70, order_id: null, rate: null })
      expect(Object.keys(data.lots[0]).sort()).toEqual(
        ["available_at", "earned_at", "expires_at", "id", "order_id", "points", "rate", "remaining"].sort()
      )
      expect(new Date(data.lots[0].expires_at).getTime()).toBe(new Date(data.balance.next_expiry.expires_at).getTime())

      const mine = await api.get("/store/loyalty/me", await store(ALICE))
      expect(mine.data.balance).toEqual(data.balance)

      const { data: ledger } = await api.get(`/admin/loyalty/customers/${aliceId}/transactions`, admin)
      expect(ledger.count).toBe(2)
      expect(ledger.transactions.map((t: { points: number }) => t.points)).toEqual([-30, 100])
      expect(ledger.transactions[0]).toMatchObject({
        id: debit.data.transaction_id,
        type: "adjust",
        reason: "Double credit corrected",
        actor_id: adminUserId,
        customer_id: aliceId,
      })
      expect(ledger.transactions[0].idempotency_key).toMatch(/^adjust:/)
    })

    it("refuses bad adjustments with a 400 naming the field, and unknown customers with a 404", async () => {
      const missingReason = await failure(adjust(aliceId, { points: 10 }))
      expect(missingReason).toEqual({ status: 400, message: expect.stringContaining("reason") })
      const emptyReason = await failure(adjust(aliceId, { points: 10, reason: "  " }))
      expect(emptyReason).toEqual({ status: 400, message: expect.stringContaining("reason") })

      for (const points of [0, 1.5, "abc", null]) {
        const bad = await failure(adjust(aliceId, { points, reason: "typo" }))
        expect(bad).toEqual({ status: 400, message: expect.stringContaining("points") })
      }
      const extra = await failure(adjust(aliceId, { points: 5, reason: "x", customer_id: bobId }))
      expect(extra).toEqual({ status: 400, message: expect.stringContaining("customer_id") })

      expect((await failure(adjust("cus_missing", { points: 5, reason: "x" }))).status).toBe(404)
      expect((await failure(api.get("/admin/loyalty/customers/cus_missing", admin))).status).toBe(404)
      expect((await failure(api.get("/admin/loyalty/customers/cus_missing/transactions", admin))).status).toBe(404)

      const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
      const [, recorded] = await loyalty.listAndCountPointsTransactions({})
      expect(recorded).toBe(0)
    })

    it("records one transaction for a repeated idempotency key and refuses the key for another adjustment", async () => {
      const first = await adjust(aliceId, { points: 50, reason: "Goodwill", idempotency_key: "ticket-42" })
      const again = await adjust(aliceId, { points: 50, reason: "Goodwill", idempotency_key: "ticket-42" })
      expect(again.data.transaction_id).toBe(first.data.transaction_id)
      expect(again.data.balance.balance).toBe(50)

      const reused = await failure(adjust(aliceId, { points: 60, reason: "Goodwill", idempotency_key: "ticket-42" }))
      expect(reused).toEqual({ status: 400, message: expect.stringContaining("idempotency_key") })
      const otherCustomer = await failure(adjust(bobId, { points: 50, reason: "Goodwill", idempotency_key: "ticket-42" }))
      expect(otherCustomer.status).toBe(400)

      const { data } = await api.get(`/admin/loyalty/customers/${aliceId}/transactions`, admin)
      expect(data.count).toBe(1)
      expect(data.transactions[0]).toMatchObject({ id: first.data.transaction_id, idempotency_key: "adjust:ticket-42" })
      expect((await api.get(`/admin/loyalty/customers/${bobId}/transactions`, admin)).data.count).toBe(0)
    })

    it("pages the ledger newest first and filters it by type", async () => {
      for (const points of [1, 2, 3, 4, 5]) {
        await adjust(aliceId, { points, reason: `credit ${points}` })
      }
      await adjust(aliceId, { points: -6, reason: "debit" })
      const page = async (query: string) =>
        (await api.get(`/admin/loyalty/customers/${aliceId}/transactions?${query}`, admin)).data

      const first = await page("limit=2")
      expect(first).toMatchObject({ count: 6, limit: 2, offset: 0 })
      expect(first.transactions.map((t: { points: number }) => t.points)).toEqual([-6, 5])
      const second = await page("limit=2&offset=2")
      expect(second).toMatchObject({ count: 6, limit: 2, offset: 2 })
      expect(second.transactions.map((t: { points: number }) => t.points)).toEqual([4, 3])
      const last = await page("limit=4&offset=4")
      expect(last.transactions.map((t: { points: number }) => t.points)).toEqual([2, 1])

      expect((await page("type=adjust")).count).toBe(6)
      expect((await page("type=earn,redeem")).count).toBe(0)
      const badType = await failure(page("type=bonus"))
      expect(badType).toEqual({ status: 400, message: expect.stringContaining("type must be one of: earn, redeem") })
      for (const query of ["limit=0", "limit=abc", "limit=101", "offset=-1"]) {
        const bad = await failure(page(query))
        expect(bad).toEqual({ status: 400, message: expect.stringContaining(query.split("=")[0]) })
      }
    })

    it("announces balance changes: one event per adjustment (none for a replay), one per expiry batch", async () => {
      await adjust(aliceId, { points: 25, reason: "Welcome", idempotency_key: "evt-1" })
      expect(await eventually(async () => [...balanceChanges], (e) => e.length === 1)).toEqual([[aliceId]])
      await adjust(aliceId, { points: 25, reason: "Welcome", idempotency_key: "evt-1" })
      await adjust(bobId, { points: -5, reason: "Too much" }).catch(() => undefined)
      await sleep(500)
      // The replay changed nothing; the refused debit neither.
      expect(balanceChanges).toEqual([[aliceId]])

      const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
      const lapsed = (key: string) => ({ idempotency_key: key, points: 10, available_at: new Date("2026-01-01"), expires_at: new Date("2026-02-01") })
      await loyalty.creditPoints({ customer_id: aliceId, type: "adjust", entries: [lapsed("evt-a")] })
      await loyalty.creditPoints({ customer_id: bobId, type: "adjust", entries: [lapsed("evt-b")] })
      balanceChanges.length = 0
      const { result } = await expirePointsWorkflow(container).run({ input: { batch_size: 1 } })
      expect(result.lots).toBe(2)
      const batches = await eventually(async () => [...balanceChanges], (e) => e.length === 2)
      expect(batches.map((ids) => ids.length)).toEqual([1, 1])
      expect(batches.flat().sort()).toEqual([aliceId, bobId].sort())
      expect((await loyalty.retrieveBalance(bobId)).balance).toBe(0)

      // Nothing left to expire: no event.
      balanceChanges.length = 0
      await expirePointsWorkflow(container).run({ input: {} })
      await sleep(500)
      expect(balanceChanges).toEqual([])
    })

    it("proves the balances, and reports an account whose cached balance disagrees with its ledger", async () => {
      await adjust(aliceId, { points: 40, reason: "a" })
      await adjust(bobId, { points: 15, reason: "b" })
      await adjust(bobId, { points: -5, reason: "c" })

      expect((await api.get("/admin/loyalty/balance-check", admin)).data).toEqual({ ok: true, mismatches: [] })

      const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      await pg("loyalty_account").where({ customer_id: bobId }).update({ points_balance: 999 })

      const all = (await api.get("/admin/loyalty/balance-check", admin)).data
      expect(all.ok).toBe(false)
      expect(all.mismatches).toEqual([
        expect.objectContaining({ customer_id: bobId, cached_balance: 999, ledger_sum: 10, lots_minus_debt: 10 }),
      ])
      const alice = (await api.get(`/admin/loyalty/balance-check?customer_id=${aliceId}`, admin)).data
      expect(alice).toEqual({ ok: true, mismatches: [] })
      const both = (await api.get(`/admin/loyalty/balance-check?customer_id=${aliceId},${bobId}`, admin)).data
      expect(both.mismatches.map((m: { customer_id: string }) => m.customer_id)).toEqual([bobId])
    })

    it("creates, lists, updates and deletes earn rules, refusing bad fields with a 400 naming them", async () => {
      const body = {
        name: "Euro orders",
        points_per_unit: 1.5,
        currency_code: "eur",
        multipliers: { items: [{ target: "category", id: "pcat_hair", multiplier: 2 }] },
        include_shipping: false,
        starts_at: "2026-01-01T00:00:00.000Z",
        ends_at: "2026-12-31T00:00:00.000Z",
        priority: 5,
      }
      const created = (await api.post("/admin/loyalty/earn-rules", body, admin)).data.earn_rule
      expect(created).toMatchObject({
        ...body,
        id: expect.stringMatching(/^lprule_/),
        include_tax: false,
        is_active: true,
        region_id: null,
        sales_channel_id: null,
        customer_group_id: null,
      })
      await api.post("/admin/loyalty/earn-rules", { name: "Fallback", points_per_unit: 1 }, admin)

      const list = (await api.get("/admin/loyalty/earn-rules?limit=1", admin)).data
      expect(list).toMatchObject({ count: 2, limit: 1, offset: 0 })
      expect(list.earn_rules.map((r: { name: string }) => r.name)).toEqual(["Euro orders"])
      expect((await api.get("/admin/loyalty/earn-rules?limit=1&offset=1", admin)).data.earn_rules[0]).toMatchObject({
        name: "Fallback",
        points_per_unit: 1,
        multipliers: { items: [] },
        priority: 0,
      })

      const refused = [
        [{ ...body, currency_code: "EUR" }, "currency_code"],
        [{ ...body, currency_code: "euro" }, "currency_code"],
        [{ ...body, points_per_unit: -1 }, "points_per_unit"],
        [{ ...body, points_per_unit: 0 }, "points_per_unit"],
        [{ ...body, ends_at: "2025-12-31T00:00:00.000Z" }, "ends_at"],
        [
          { ...body, multipliers: { items: [{ target: "brand", id: "b_1", multiplier: 2 }] } },
          "multipliers.items.target must be one of: product, collection, category",
        ],
        [{ ...body, multipliers: { items: [{ target: "product", id: "prod_1", multiplier: 0 }] } }, "multiplier"],
        [{ ...body, priority: 1.5 }, "priority"],
        [{ ...body, starts_at: "not a date" }, "starts_at"],
        [{ name: "No rate" }, "points_per_unit"],
        [{ points_per_unit: 1 }, "name"],
      ] as const
      for (const [bad, field] of refused) {
        const error = await failure(api.post("/admin/loyalty/earn-rules", bad, admin))
        expect({ field, ...error }).toEqual({ field, status: 400, message: expect.stringContaining(field) })
      }

      const updated = (
        await api.post(`/admin/loyalty/earn-rules/${created.id}`, { name: "Euro orders 2026", is_active: false }, admin)
      ).data.earn_rule
      expect(updated).toMatchObject({ ...body, name: "Euro orders 2026", is_active: false })
      expect((await api.get(`/admin/loyalty/earn-rules/${created.id}`, admin)).data.earn_rule).toEqual(updated)
      expect((await api.get("/admin/loyalty/earn-rules?is_active=true", admin)).data.count).toBe(1)

      // Only ends_at is sent: it is checked against the stored starts_at.
      const window = await failure(
        api.post(`/admin/loyalty/earn-rules/${created.id}`, { ends_at: "2025-06-01T00:00:00.000Z" }, admin)
      )
      expect(window).toEqual({ status: 400, message: expect.stringContaining("ends_at") })
      const badUpdate = await failure(api.post(`/admin/loyalty/earn-rules/${created.id}`, { points_per_unit: -2 }, admin))
      expect(badUpdate).toEqual({ status: 400, message: expect.stringContaining("points_per_unit") })

      const deleted = await api.delete(`/admin/loyalty/earn-rules/${created.id}`, admin)
      expect(deleted.data).toEqual({ id: created.id, object: "earn_rule", deleted: true })
      expect((await failure(api.get(`/admin/loyalty/earn-rules/${created.id}`, admin))).status).toBe(404)
      expect((await api.get("/admin/loyalty/earn-rules", admin)).data.count).toBe(1)

      expect((await failure(api.get("/admin/loyalty/earn-rules/lprule_missing", admin))).status).toBe(404)
      expect((await failure(api.post("/admin/loyalty/earn-rules/lprule_missing", { name: "x" }, admin))).status).toBe(404)
      expect((await failure(api.delete("/admin/loyalty/earn-rules/lprule_missing", admin))).status).toBe(404)
    })

    it("serves the store routes only to a logged-in customer, and only that customer's points", async () => {
      const aliceCredit = await adjust(aliceId, { points: 100, reason: "welcome" })
      const bobCredit = await adjust(bobId, { points: 7, reason: "welcome" })

      const anonymous = { headers: { "x-publishable-api-key": publishableKey } }
      expect((await failure(api.get("/store/loyalty/me", anonymous))).status).toBe(401)
      expect((await failure(api.get("/store/loyalty/me/transactions", anonymous))).status).toBe(401)

      const bob = await store(BOB)
      expect((await api.get("/store/loyalty/me", bob)).data.balance).toMatchObject({ customer_id: bobId, balance: 7 })
      const bobLedger = (await api.get("/store/loyalty/me/transactions", bob)).data
      expect(bobLedger).toMatchObject({ count: 1, limit: 20, offset: 0 })
      expect(bobLedger.transactions).toEqual([
        {
          id: bobCredit.data.transaction_id,
          type: "adjust",
          points: 7,
          occurred_at: expect.any(String),
          reason: "welcome",
          order_id: null,
        },
      ])
      // No parameter reaches another customer's ledger.
      const probing = await failure(api.get(`/store/loyalty/me/transactions?customer_id=${aliceId}`, bob))
      expect(probing.status).toBe(400)

      const aliceLedger = (await api.get("/store/loyalty/me/transactions", await store(ALICE))).data
      expect(aliceLedger.transactions.map((t: { id: string }) => t.id)).toEqual([aliceCredit.data.transaction_id])
    })

    it("compensates: a failed workflow reverses its adjustment and restores the earn rule it changed or deleted", async () => {
      await adjust(aliceId, { points: 20, reason: "start" })
      const loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)

      for (const points of [15, -12]) {
        const { errors } = await adjustThenFail(container).run({
          input: { customer_id: aliceId, points, reason: "will fail", idempotency_key: `fail-${points}` },
          throwOnError: false,
        })
        expect(errors[0].error.message).toBe("forced failure")
        expect((await loyalty.retrieveBalance(aliceId)).balance).toBe(20)
        // A credit is taken back from its own lot (`reverse:compensate:…:<lot>`); a debit is
        // returned to the lots it came from (`compensate:…`).
        const undo = await loyalty.listPointsTransactions({ idempotency_key: { $like: `%compensate:adjust:fail-${points}%` } })
        expect(undo.map((t) => t.points)).toEqual([-points])
      }
      expect(await loyalty.verifyBalances({ customer_ids: [aliceId] })).toEqual([])

      const rule = (
        await api.post("/admin/loyalty/earn-rules", { name: "Before", points_per_unit: 2, currency_code: "usd" }, admin)
      ).data.earn_rule
      const updateRun = await updateRuleThenFail(container).run({
        input: { id: rule.id, name: "After", points_per_unit: 9, currency_code: "eur" },
        throwOnError: false,
      })
      expect(updateRun.errors).toHaveLength(1)
      const restored = (await api.get(`/admin/loyalty/earn-rules/${rule.id}`, admin)).data.earn_rule
      expect(restored).toMatchObject({ name: "Before", points_per_unit: 2, currency_code: "usd" })

      await deleteRuleThenFail(container).run({ input: { id: rule.id }, throwOnError: false })
      expect((await api.get(`/admin/loyalty/earn-rules/${rule.id}`, admin)).data.earn_rule.name).toBe("Before")
    })
  },
})
