import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { knex as createKnex } from "@medusajs/framework/mikro-orm/knex"
import { LOYALTY_POINTS_MODULE } from ".."
import type LoyaltyPointsModuleService from "../service"

jest.setTimeout(120_000)

const DAY = 86_400_000
const t0 = new Date("2026-01-01T12:00:00Z")
const at = (days: number) => new Date(t0.getTime() + days * DAY)

moduleIntegrationTestRunner<LoyaltyPointsModuleService>({
  moduleName: LOYALTY_POINTS_MODULE,
  resolve: "./src/modules/loyalty-points",
  moduleOptions: { loyalty: { returnWindowDays: 14, expiryDays: 365 } },
  testSuite: ({ service, dbConfig }) => {
    const earnLine = (customer_id: string, order: string, line: string, points: number, base: number, occurred_at = t0) =>
      service.creditPoints({
        customer_id,
        type: "earn",
        occurred_at,
        entries: [
          {
            idempotency_key: `earn:${order}:${line}`,
            points,
            order_id: order,
            line_item_id: line,
            rate: points / base,
            base_amount: base,
            currency_code: "twd",
          },
        ],
      })

    const lotOf = async (order: string, line: string) => {
      const [lot] = await service.listPointsLots({ order_id: order, line_item_id: line })
      return lot
    }

    it("keeps order points pending for the return window, and records a replayed event once", async () => {
      for (let i = 0; i < 3; i++) {
        await earnLine("cus_a", "order_1", "line_1", 120, 1200)
      }
      expect(await service.retrieveBalance("cus_a", at(1))).toMatchObject({ balance: 120, available: 0, pending: 120 })
      expect(await service.retrieveBalance("cus_a", at(14))).toMatchObject({ balance: 120, available: 120, pending: 0 })
      expect(await service.listPointsTransactions({ customer_id: "cus_a" })).toHaveLength(1)
      expect(await service.verifyBalances()).toEqual([])
    })

    it("reads the balance in one statement: available, pending, held, debt and the points of the next expiry date", async () => {
      const credit = (key: string, points: number, availableAt: Date, expiresAt: Date | null) =>
        service.creditPoints({
          customer_id: "cus_read",
          type: "adjust",
          occurred_at: t0,
          entries: [{ idempotency_key: key, points, available_at: availableAt, expires_at: expiresAt, reason: "test" }],
        })
      await credit("read-a", 40, t0, at(50))
      await credit("read-b", 60, t0, at(50))
      await credit("read-c", 25, t0, at(80))
      await credit("read-never", 10, t0, null)
      await credit("read-pending", 30, at(20), at(120))
      await credit("read-gone", 5, t0, at(5))
      await service.holdPoints({ customer_id: "cus_read", cart_id: "cart_read", points: 20, amount: 2, currency_code: "twd", expires_at: at(30), now: at(10) })

      // A connection of our own, passed as the manager, so every statement the read sends is counted.
      const db = createKnex({ client: "pg", connection: dbConfig.clientUrl, pool: { min: 0, max: 1 } })
      const statements: string[] = []
      db.on("query", (q: { sql: string }) => statements.push(q.sql))
      try {
        const balance = await service.retrieveBalance("cus_read", at(10), { manager: { getKnex: () => db } })
        expect(statements).toHaveLength(1)
        expect(balance).toEqual({
          customer_id: "cus_read",
          balance: 170,
          // 40 + 60 + 25 + 10 usable (the lot expired at day 5 is not), minus the 20 held.
          available: 115,
          pending: 30,
          held: 20,
          debt: 0,
          lifetime_earned: 0,
          next_expiry: { points: 100, expires_at: at(50) },
        })
        expect(await service.retrieveBalance("cus_nobody", at(10), { manager: { getKnex: () => db } })).toEqual({
          customer_id: "cus_nobody",
          balance: 0,
          available: 0,
          pending: 0,
          held: 0,
          debt: 0,
          lifetime_earned: 0,
          next_expiry: null,
        })
        expect(statements).toHaveLength(2)
      } finally {
        await db.destroy()
      }

      // Debt is taken off what is available; with nothing left to expire there is no next expiry.
      await earnLine("cus_debt", "order_debt", "l", 100, 1000)
      await service.debitPoints({ customer_id: "cus_debt", type: "redeem", points: 100, idempotency_key: "redeem:debt", occurred_at: at(15) })
      const earned = await lotOf("order_debt", "l")
      await service.reverseEarnedPoints({ source_key: "refund_debt", reversals: [{ lot_id: earned.id, refunded_amount: 1000 }] })
      await service.creditPoints({
        customer_id: "cus_debt",
        type: "adjust",
        entries: [{ idempotency_key: "debt-partial", points: 30, available_at: t0, expires_at: null }],
      })
      expect(await service.retrieveBalance("cus_debt", at(16))).toEqual({
        customer_id: "cus_debt",
        balance: -70,
        available: 0,
        pending: 0,
        held: 0,
        debt: 70,
        lifetime_earned: 100,
        next_expiry: null,
      })
    })

    it("finds the accounts whose cached balance disagrees with the ledger or with the lots, store-wide or per customer", async () => {
      for (const c of ["cus_v1", "cus_v2", "cus_v3"]) {
        await earnLine(c, `order_${c}`, "l", 100, 1000)
      }
      await service.debitPoints({ customer_id: "cus_v2", type: "redeem", points: 30, idempotency_key: "redeem:v2", occurred_at: at(20) })
      expect(await service.verifyBalances()).toEqual([])
      // A lot changed behind the ledger's back: the ledger sum still matches, the lots do not.
      const lot = await lotOf("order_cus_v2", "l")
      await service.updatePointsLots({ id: lot.id, remaining: 60 })
      const [account] = await service.listLoyaltyAccounts({ customer_id: "cus_v2" })
      const mismatch = { account_id: account.id, customer_id: "cus_v2", cached_balance: 70, ledger_sum: 70, lots_minus_debt: 60 }
      expect(await service.verifyBalances()).toEqual([mismatch])
      expect(await service.verifyBalances({ customer_ids: ["cus_v1", "cus_v2"] })).toEqual([mismatch])
      expect(await service.verifyBalances({ customer_ids: ["cus_v1", "cus_v3"] })).toEqual([])
      expect(await service.verifyBalances({ customer_ids: [] })).toEqual([])
    })

    it("credits many customers in one call with the rules of a single credit: keys once, debt settled first", async () => {
      // cus_bulk_debt owes 40 points (a reversal of points already spent).
      await earnLine("cus_bulk_debt", "order_bd", "l", 40, 400)
      await service.debitPoints({ customer_id: "cus_bulk_debt", type: "redeem", points: 40, idempotency_key: "redeem:bd", occurred_at: at(15) })
      await service.reverseEarnedPoints({ source_key: "refund_bd", reversals: [{ lot_id: (await lotOf("order_bd", "l")).id, refunded_amount: 400 }] })
      await earnLine("cus_bulk_old", "order_bo", "l1", 10, 100)

      const line = (order: string, l: string, points: number) => ({
        idempotency_key: `earn:${order}:${l}`,
        points,
        order_id: order,
        line_item_id: l,
        rate: 0.1,
        base_amount: points * 10,
        currency_code: "twd",
      })
      const inputs = [
        { customer_id: "cus_bulk_debt", type: "earn" as const, occurred_at: t0, entries: [line("order_b1", "l1", 25), line("order_b1", "l2", 30)] },
        { customer_id: "cus_bulk_new", type: "earn" as const, occurred_at: t0, entries: [line("order_b2", "l1", 7), line("order_b2", "l1", 7)] },
        { customer_id: "cus_bulk_old", type: "earn" as const, occurred_at: t0, entries: [line("order_bo", "l1", 10), line("order_bo", "l2", 5)] },
        { customer_id: "cus_bulk_debt", type: "earn" as const, occurred_at: t0, entries: [line("order_b3", "l1", 8)] },
      ]
      const credited = await service.creditPointsInBulk(inputs)
      expect(credited.map((c) => [c.customer_id, c.transaction_ids.length])).toEqual([
        ["cus_bulk_debt", 2],
        ["cus_bulk_new", 1],
        ["cus_bulk_old", 1],
        ["cus_bulk_debt", 1],
      ])
      // 25 of the first lot and 15 of the second go to the debt.
      expect(await service.retrieveBalance("cus_bulk_debt", at(14))).toMatchObject({ balance: 23, available: 23, debt: 0, lifetime_earned: 103 })
      expect((await lotOf("order_b1", "l1")).remaining).toBe(0)
      expect((await lotOf("order_b1", "l2")).remaining).toBe(15)
      expect((await lotOf("order_b3", "l1")).remaining).toBe(8)
      const settled = await service.listPointsAllocations({ kind: "debt" })
      expect(settled.map((a) => a.points).sort()).toEqual([15, 25])
      expect(await service.retrieveBalance("cus_bulk_new", at(14))).toMatchObject({ balance: 7, available: 7 })
      expect(await service.retrieveBalance("cus_bulk_old", at(14))).toMatchObject({ balance: 15 })
      expect(await service.verifyBalances()).toEqual([])

      // Replayed: nothing more is recorded.
      expect((await service.creditPointsInBulk(inputs)).flatMap((c) => c.transaction_ids)).toEqual([])
      expect(await service.listPointsTransactions({ type: "earn" })).toHaveLength(7)
      await expect(
        service.creditPointsInBulk([{ customer_id: "cus_bulk_new", type: "earn", entries: [{ idempotency_key: "bad", points: -1 }] }])
      ).rejects.toThrow(/points must be a positive whole number/)
    })

    it("redeems and expires first-expiring lots first, across three lots", async () => {
      const credit = (key: string, points: number, availableAt: Date, expiresAt: Date) =>
        service.creditPoints({
          customer_id: "cus_f",
          type: "adjust",
          occurred_at: t0,
          entries: [{ idempotency_key: key, points, available_at: availableAt, expires_at: expiresAt, reason: "test" }],
        })
      await credit("lot-late", 100, t0, at(300))
      await credit("lot-early", 50, t0, at(100))
      await credit("lot-middle", 70, t0, at(200))

      await service.debitPoints({ customer_id: "cus_f", type: "redeem", points: 80, idempotency_key: "redeem:1", occurred_at: at(10) })
      const lots = await service.listPointsLots({ account_id: (await service.listLoyaltyAccounts({ customer_id: "cus_f" }))[0].id })
      const remaining = Object.fromEntries(
        await Promise.all(
          lots.map(async (l) => {
            const [tx] = await service.listPointsTransactions({ id: l.transaction_id })
            return [tx.idempotency_key, l.remaining]
          })
        )
      )
      expect(remaining).toEqual({ "lot-early": 0, "lot-middle": 40, "lot-late": 100 })

      expect(await service.expirePoints({ now: at(150) })).toEqual({ lots: 0, customer_ids: [] })
      expect(await service.expirePoints({ now: at(200) })).toEqual({ lots: 1, customer_ids: ["cus_f"] })
      expect(await service.retrieveBalance("cus_f", at(200))).toMatchObject({ balance: 100, available: 100 })
      // A second run at the same time finds nothing more to expire.
      expect(await service.expirePoints({ now: at(200) })).toEqual({ lots: 0, customer_ids: [] })
      expect(await service.expirePoints({ now: at(301) })).toEqual({ lots: 1, customer_ids: ["cus_f"] })
      const balance = await service.retrieveBalance("cus_f", at(301))
      expect(balance).toMatchObject({ balance: 0, available: 0, next_expiry: null })
      const expired = await service.listPointsTransactions({ customer_id: "cus_f", type: "expire" })
      expect(expired.map((t) => t.points).sort()).toEqual([-100, -40])
      expect(await service.verifyBalances()).toEqual([])
    })

    it("reverses refunds in proportion, at the lot's own rate, never more than earned over several partial refunds", async () => {
      await earnLine("cus_r", "order_r", "line_r", 100, 3)
      const lot = await lotOf("order_r", "line_r")
      expect(await service.reverseEarnedPoints({ source_key: "refund_1", reversals: [{ lot_id: lot.id, refunded_amount: 1 }] })).toBe(33)
      // The same refund delivered again changes nothing.
      expect(await service.reverseEarnedPoints({ source_key: "refund_1", reversals: [{ lot_id: lot.id, refunded_amount: 1 }] })).toBe(0)
      expect(await service.reverseEarnedPoints({ source_key: "refund_2", reversals: [{ lot_id: lot.id, refunded_amount: 1 }] })).toBe(34)
      expect(await service.reverseEarnedPoints({ source_key: "refund_3", reversals: [{ lot_id: lot.id, refunded_amount: 5 }] })).toBe(33)
      expect(await service.reverseEarnedPoints({ source_key: "refund_4", reversals: [{ lot_id: lot.id, refunded_amount: 5 }] })).toBe(0)
      expect(await service.retrieveBalance("cus_r", at(20))).toMatchObject({ balance: 0 })
      expect(await service.verifyBalances()).toEqual([])
    })

    it("lets a reversal of spent points go negative by default and settles the debt from the next points", async () => {
      await earnLine("cus_n", "order_n", "line_n", 100, 1000)
      await service.debitPoints({ customer_id: "cus_n", type: "redeem", points: 90, idempotency_key: "redeem:n", occurred_at: at(15) })
      const lot = await lotOf("order_n", "line_n")
      await service.reverseEarnedPoints({ source_key: "cancel_n", reversals: [{ lot_id: lot.id, refunded_amount: 1000 }] })
      expect(await service.retrieveBalance("cus_n", at(16))).toMatchObject({ balance: -90, available: 0, debt: 90 })
      await earnLine("cus_n", "order_n2", "line_n2", 150, 1500, at(20))
      expect(await service.retrieveBalance("cus_n", at(40))).toMatchObject({ balance: 60, available: 60, debt: 0 })
      expect(await service.verifyBalances()).toEqual([])
    })

    it("claws back to zero when the account says so, and records what could not be collected", async () => {
      await earnLine("cus_c", "order_c", "line_c", 100, 1000)
      const [account] = await service.listLoyaltyAccounts({ customer_id: "cus_c" })
      await service.updateLoyaltyAccounts({ id: account.id, negative_policy: "clawback" })
      await service.debitPoints({ customer_id: "cus_c", type: "redeem", points: 70, idempotency_key: "redeem:c", occurred_at: at(15) })
      const lot = await lotOf("order_c", "line_c")
      expect(await service.reverseEarnedPoints({ source_key: "cancel_c", reversals: [{ lot_id: lot.id, refunded_amount: 1000 }] })).toBe(30)
      expect(await service.retrieveBalance("cus_c", at(16))).toMatchObject({ balance: 0, debt: 0 })
      const [reverse] = await service.listPointsTransactions({ customer_id: "cus_c", type: "reverse" })
      expect(reverse.metadata).toMatchObject({ uncollected: 70, reversed_points: 100 })
      expect(await service.verifyBalances()).toEqual([])
    })

    it("gives a redemption back to the lots it came from", async () => {
      await earnLine("cus_b", "order_b", "line_b", 200, 2000)
      await service.debitPoints({ customer_id: "cus_b", type: "redeem", points: 150, idempotency_key: "redeem:b", order_id: "order_x", occurred_at: at(15) })
      expect(await service.retrieveBalance("cus_b", at(15))).toMatchObject({ available: 50 })
      await service.restoreDebit({ debit_idempotency_key: "redeem:b", idempotency_key: "restore:order_x" })
      await service.restoreDebit({ debit_idempotency_key: "redeem:b", idempotency_key: "restore:order_x" })
      expect(await service.retrieveBalance("cus_b", at(15))).toMatchObject({ balance: 200, available: 200 })
      expect((await lotOf("order_b", "line_b")).remaining).toBe(200)
    })

    it("refuses to redeem more than is available, naming the field", async () => {
      await earnLine("cus_l", "order_l", "line_l", 10, 100)
      await expect(
        service.debitPoints({ customer_id: "cus_l", type: "redeem", points: 5, idempotency_key: "redeem:l1", occurred_at: at(1) })
      ).rejects.toThrow(/points: 5 requested but only 0 available/)
      await expect(
        service.debitPoints({ customer_id: "cus_l", type: "redeem", points: 1.5, idempotency_key: "redeem:l2", occurred_at: at(20) })
      ).rejects.toThrow(/points must be a positive whole number/)
    })

    it("never overdraws under parallel redemptions", async () => {
      await earnLine("cus_p", "order_p", "line_p", 100, 1000)
      const results = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) =>
          service.debitPoints({ customer_id: "cus_p", type: "redeem", points: 30, idempotency_key: `redeem:p${i}`, occurred_at: at(20) })
        )
      )
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3)
      expect(await service.retrieveBalance("cus_p", at(20))).toMatchObject({ balance: 10, available: 10 })
      expect(await service.verifyBalances()).toEqual([])
    })

    it("never loses or creates points when a redemption, an expiry run and a reversal hit one account at once", async () => {
      for (let round = 0; round < 5; round++) {
        const customer = `cus_race_${round}`
        await service.creditPoints({
          customer_id: customer,
          type: "adjust",
          occurred_at: t0,
          entries: [
            { idempotency_key: `race:${round}:old`, points: 50, available_at: t0, expires_at: at(30) },
            { idempotency_key: `race:${round}:new`, points: 80, available_at: t0, expires_at: at(400) },
          ],
        })
        await earnLine(customer, `race_order_${round}`, "line", 100, 1000)
        const lot = await lotOf(`race_order_${round}`, "line")
        const outcomes = await Promise.allSettled([
          service.debitPoints({ customer_id: customer, type: "redeem", points: 120, idempotency_key: `race:${round}:redeem`, occurred_at: at(20) }),
          service.expirePoints({ now: at(31) }),
          service.reverseEarnedPoints({ source_key: `race_refund_${round}`, reversals: [{ lot_id: lot.id, refunded_amount: 500 }] }),
        ])
        expect(outcomes[2].status).toBe("fulfilled")
        expect(await service.verifyBalances({ customer_ids: [customer] })).toEqual([])
        const txs = await service.listPointsTransactions({ customer_id: customer })
        const balance = await service.retrieveBalance(customer, at(31))
        expect(balance.balance).toBe(txs.reduce((s, t) => s + t.points, 0))
        // 230 credited, 50 reversed; the rest is redeemed, expired or still there, never more.
        const redeemed = -txs.filter((t) => t.type === "redeem").reduce((s, t) => s + t.points, 0)
        const expired = -txs.filter((t) => t.type === "expire").reduce((s, t) => s + t.points, 0)
        expect(redeemed + expired + balance.balance + balance.debt + 50).toBe(230)
      }
    })

    it("puts customers in the highest tier they reached over the last 12 months, and downgrades as points age out", async () => {
      await service.createLoyaltyTiers([
        { name: "Silver", rank: 1, basis: "points", threshold: 100 },
        { name: "Gold", rank: 2, basis: "points", threshold: 500, earn_multiplier: 1.5 },
        { name: "Big spender", rank: 3, basis: "spend", threshold: 20000, currency_code: "twd" },
      ])
      const tierName = async (customer: string) => {
        const [account] = await service.listLoyaltyAccounts({ customer_id: customer })
        const tiers = await service.listLoyaltyTiers({})
        return tiers.find((t) => t.id === account.tier_id)?.name ?? null
      }
      await earnLine("cus_t", "order_t1", "l", 300, 3000, at(0))
      expect((await service.evaluateTiers({ customer_ids: ["cus_t"], now: at(1) })).changes).toHaveLength(1)
      expect(await tierName("cus_t")).toBe("Silver")
      await earnLine("cus_t", "order_t2", "l", 300, 3000, at(200))
      await service.evaluateTiers({ customer_ids: ["cus_t"], now: at(201) })
      expect(await tierName("cus_t")).toBe("Gold")
      expect(await service.tierMultiplier("cus_t")).toBe(1.5)
      // Re-evaluating without a change records nothing.
      expect((await service.evaluateTiers({ customer_ids: ["cus_t"], now: at(202) })).changes).toEqual([])
      // A reversal counts against the tier: 300 − 150 + 300 = 450 is below Gold.
      const lot = await lotOf("order_t1", "l")
      await service.reverseEarnedPoints({
        source_key: "tier_refund",
        reversals: [{ lot_id: lot.id, refunded_amount: 1500 }],
        occurred_at: at(202),
      })
      await service.evaluateTiers({ customer_ids: ["cus_t"], now: at(203) })
      expect(await tierName("cus_t")).toBe("Silver")
      // A year after the first order only the second counts; two years on, nothing does.
      await service.evaluateTiers({ customer_ids: ["cus_t"], now: at(370) })
      expect(await tierName("cus_t")).toBe("Silver")
      await service.evaluateTiers({ customer_ids: ["cus_t"], now: at(600) })
      expect(await tierName("cus_t")).toBeNull()
      expect(await service.tierMultiplier("cus_t")).toBe(1)

      // Spend in the tier's currency, net of refunds, and the nightly paging over every account.
      await earnLine("cus_s", "order_s", "l", 10, 25000, at(0))
      const pages: string[] = []
      let after: string | undefined
      for (;;) {
        const page = await service.evaluateTiers({ after, limit: 1, now: at(10) })
        if (!page.last_account_id) break
        pages.push(page.last_account_id)
        after = page.last_account_id
      }
      expect(pages.length).toBe((await service.listLoyaltyAccounts({})).length)
      expect(await tierName("cus_s")).toBe("Big spender")
    })

    it("counts only order points towards a tier: reversing a referral or an adjustment does not lower it", async () => {
      await service.createLoyaltyTiers([{ name: "Silver", rank: 1, basis: "points", threshold: 100 }])
      await earnLine("cus_tr", "order_tr", "l", 150, 1500, at(0))
      await service.creditPoints({
        customer_id: "cus_tr",
        type: "referral",
        occurred_at: at(1),
        entries: [{ idempotency_key: "referral:tr:referrer", points: 500 }],
      })
      await service.creditPoints({ customer_id: "cus_tr", type: "adjust", occurred_at: at(1), entries: [{ idempotency_key: "adjust:tr", points: 40 }] })
      const lots = await service.listPointsLots({ transaction_id: (await service.listPointsTransactions({ idempotency_key: ["referral:tr:referrer", "adjust:tr"] })).map((t) => t.id) })
      expect(lots).toHaveLength(2)
      await service.reverseEarnedPoints({
        source_key: "void:tr",
        reversals: lots.map((l) => ({ lot_id: l.id, refunded_amount: 0 })),
        occurred_at: at(2),
      })
      const { changes } = await service.evaluateTiers({ customer_ids: ["cus_tr"], now: at(3) })
      expect(changes).toHaveLength(1)
      const [account] = await service.listLoyaltyAccounts({ customer_id: "cus_tr" })
      const [silver] = await service.listLoyaltyTiers({ name: "Silver" })
      expect(account.tier_id).toBe(silver.id)
    })

    it("reports points issued, redeemed, expired and reversed per period, and the liability per currency", async () => {
      await earnLine("cus_rep", "order_rep1", "l", 1000, 10000, at(0))
      await earnLine("cus_rep", "order_rep2", "l", 500, 5000, at(40))
      await service.creditPoints({
        customer_id: "cus_rep",
        type: "adjust",
        occurred_at: at(41),
        entries: [{ idempotency_key: "rep-adjust", points: 70, available_at: at(44), expires_at: at(45) }],
      })
      await service.debitPoints({ customer_id: "cus_rep", type: "redeem", points: 300, idempotency_key: "rep-redeem", occurred_at: at(42) })
      const lot = await lotOf("order_rep2", "l")
      await service.reverseEarnedPoints({ source_key: "rep-refund", reversals: [{ lot_id: lot.id, refunded_amount: 1000 }], occurred_at: at(43) })
      await service.expirePoints({ now: at(46) })
      const report = await service.pointsReport({ from: at(-1), to: at(60), interval: "month" })
      expect(report.periods.map((p) => [p.period.toISOString().slice(0, 7), p.issued, p.redeemed, p.expired, p.reversed])).toEqual([
        ["2026-01", 1000, 0, 0, 0],
        ["2026-02", 570, 300, 70, 100],
      ])
      // Outstanding now: 1000 − 300 (first lot) + 500 − 100 (second lot), all earned in TWD.
      expect(report.liability).toEqual([{ currency_code: "twd", available: 1100, pending: 0, amount: 110 }])
    })

    it("keeps the cached balance equal to the ledger after any sequence of operations", async () => {
      type Op =
        | { kind: "earn"; points: number; day: number }
        | { kind: "redeem"; points: number; day: number }
        | { kind: "reverse"; lot: number; share: number; day: number }
        | { kind: "expire"; day: number }
        | { kind: "restore"; redemption: number }
      const op: fc.Arbitrary<Op> = fc.oneof(
        fc.record({ kind: fc.constant("earn" as const), points: fc.integer({ min: 1, max: 500 }), day: fc.integer({ min: 0, max: 400 }) }),
        fc.record({ kind: fc.constant("redeem" as const), points: fc.integer({ min: 1, max: 400 }), day: fc.integer({ min: 0, max: 800 }) }),
        fc.record({
          kind: fc.constant("reverse" as const),
          lot: fc.nat(20),
          share: fc.integer({ min: 1, max: 100 }),
          day: fc.integer({ min: 0, max: 800 }),
        }),
        fc.record({ kind: fc.constant("expire" as const), day: fc.integer({ min: 0, max: 800 }) }),
        fc.record({ kind: fc.constant("restore" as const), redemption: fc.nat(20) })
      )
      let run = 0
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), fc.boolean(), fc.integer({ min: 0, max: 900 }), async (ops, clawback, readDay) => {
          const customer = `cus_prop_${run++}`
          const lots: string[] = []
          const redemptions: string[] = []
          let step = 0
          for (const o of ops) {
            step++
            if (o.kind === "earn") {
              await earnLine(customer, `o${step}`, "l", o.points, o.points * 10, at(o.day))
              lots.push((await lotOf(`o${step}`, "l")).id)
              if (clawback && lots.length === 1) {
                const [account] = await service.listLoyaltyAccounts({ customer_id: customer })
                await service.updateLoyaltyAccounts({ id: account.id, negative_policy: "clawback" })
              }
            } else if (o.kind === "redeem") {
              const key = `redeem:${customer}:${step}`
              await service
                .debitPoints({ customer_id: customer, type: "redeem", points: o.points, idempotency_key: key, occurred_at: at(o.day) })
                .then(() => redemptions.push(key))
                .catch((e) => expect(String(e)).toMatch(/available/))
            } else if (o.kind === "reverse" && lots.length) {
              const lot = lots[o.lot % lots.length]
              const [row] = await service.listPointsLots({ id: lot })
              await service.reverseEarnedPoints({
                source_key: `refund_${step}`,
                reversals: [{ lot_id: lot, refunded_amount: (Number(row.base_amount) * o.share) / 100 }],
                occurred_at: at(o.day),
              })
            } else if (o.kind === "expire") {
              await service.expirePoints({ now: at(o.day) })
            } else if (o.kind === "restore" && redemptions.length) {
              const key = redemptions[o.redemption % redemptions.length]
              await service.restoreDebit({ debit_idempotency_key: key, idempotency_key: `restore:${key}` })
            }
          }
          expect(await service.verifyBalances({ customer_ids: [customer] })).toEqual([])
          const lotsNow = lots.length ? await service.listPointsLots({ id: lots }) : []
          for (const l of lotsNow) {
            expect(l.remaining).toBeGreaterThanOrEqual(0)
            expect(l.remaining).toBeLessThanOrEqual(l.points)
          }
          const balance = await service.retrieveBalance(customer, at(900))
          if (clawback && lots.length) {
            expect(balance.debt).toBe(0)
          }
          // The one-statement read agrees with the lots summed here, at any moment.
          const now = at(readDay)
          const [account] = await service.listLoyaltyAccounts({ customer_id: customer })
          const open = (account ? await service.listPointsLots({ account_id: account.id }) : []).filter((l) => l.remaining > 0)
          const sum = (ls: typeof open) => ls.reduce((s, l) => s + l.remaining, 0)
          const usable = open.filter((l) => l.available_at <= now && (!l.expires_at || l.expires_at > now))
          const future = open.filter((l) => l.expires_at && l.expires_at > now).map((l) => l.expires_at!.getTime())
          const next = future.length ? Math.min(...future) : null
          expect(await service.retrieveBalance(customer, now)).toEqual({
            customer_id: customer,
            balance: account?.points_balance ?? 0,
            available: Math.max(0, sum(usable) - (account?.points_debt ?? 0)),
            pending: sum(open.filter((l) => l.available_at > now)),
            held: 0,
            debt: account?.points_debt ?? 0,
            lifetime_earned: account?.lifetime_earned ?? 0,
            next_expiry: next === null ? null : { points: sum(open.filter((l) => l.expires_at?.getTime() === next)), expires_at: new Date(next) },
          })
        }),
        { numRuns: 25, seed: 20261123 }
      )
    })
  },
})
