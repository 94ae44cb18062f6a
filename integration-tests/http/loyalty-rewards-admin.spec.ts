import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import type { WorkflowData } from "@medusajs/framework/workflows-sdk"
import { createProductsWorkflow } from "@medusajs/medusa/core-flows"
import { parse } from "csv-parse/sync"
import { LOYALTY_POINTS_MODULE } from "../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../src/modules/loyalty-points/service"
import { giftShipmentPages } from "../../src/api/admin/loyalty/gift-shipments/helpers"
import { fulfillGiftShipmentsStep } from "../../src/workflows/loyalty-points/steps/fulfill-gift-shipments"
import { createPurchaseRewardRulesStep } from "../../src/workflows/loyalty-points/steps/create-purchase-reward-rules"
import { updatePurchaseRewardRulesStep } from "../../src/workflows/loyalty-points/steps/update-purchase-reward-rules"
import { deletePurchaseRewardRulesStep } from "../../src/workflows/loyalty-points/steps/delete-purchase-reward-rules"
import { adminWithId, thenFail, type Headers } from "../helpers/loyalty-fixtures"
import { failure } from "../helpers/requests"

jest.setTimeout(120_000)

const CSV_COLUMNS = [
  "id",
  "created_at",
  "customer_email",
  "first_name",
  "last_name",
  "address_1",
  "address_2",
  "postal_code",
  "city",
  "province",
  "country_code",
  "phone",
  "gift_sku",
  "gift_quantity",
  "rule",
  "order_id",
  "status",
]

/** An address with a comma, quotes, markup, a formula and non-ASCII letters: CSV and HTML must survive it. */
const ZOE_ADDRESS = {
  first_name: "Zoë",
  last_name: "O'Brien-Åkesson",
  company: 'Apotheke "Zur Post", Filiale 2',
  address_1: "Hauptstraße 5, Hinterhaus",
  address_2: '<b>c/o</b> "Müller" & Söhne',
  city: "München",
  province: "=HYPERLINK(\"http://evil.example\")",
  postal_code: "80331",
  country_code: "de",
  phone: "+49 89 123456",
}
const BOB_ADDRESS = {
  first_name: "Bob",
  last_name: "Baker",
  company: null,
  address_1: "1 Main Street",
  address_2: null,
  city: "Dublin",
  province: null,
  postal_code: "D02 X285",
  country_code: "ie",
  phone: null,
}

const fulfillThenFail = thenFail(
  "loyalty-rewards-admin-spec-fulfill-then-fail",
  (input: WorkflowData<{ ids: string[]; actor_id: string; note?: string }>) => fulfillGiftShipmentsStep(input)
)
const createRuleThenFail = thenFail(
  "loyalty-rewards-admin-spec-create-rule-then-fail",
  (input: WorkflowData<{ name: string; product_id: string; every_quantity: number; reward_type: "gift_shipment" }>) =>
    createPurchaseRewardRulesStep([input])
)
const updateRuleThenFail = thenFail(
  "loyalty-rewards-admin-spec-update-rule-then-fail",
  (input: WorkflowData<{ id: string; name: string; every_quantity: number; gift_quantity: number }>) =>
    updatePurchaseRewardRulesStep([input])
)
const deleteRuleThenFail = thenFail("loyalty-rewards-admin-spec-delete-rule-then-fail", (input: WorkflowData<{ id: string }>) =>
  deletePurchaseRewardRulesStep([input.id])
)

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let loyalty: LoyaltyPointsModuleService
    let admin: Headers
    let adminUserId: string
    let productId: string
    let boxVariantId: string
    let giftVariantId: string
    let zoe: { id: string; email: string }
    let bob: { id: string; email: string }
    let ruleId: string
    /** Gift shipments in the order they were issued: Zoë pending, Bob pending, Bob fulfilled, Zoë cancelled. */
    let shipments: { zoePending: string; bobPending: string; bobFulfilled: string; zoeCancelled: string }
    let promotionRewardId: string

    beforeAll(async () => {
      container = getContainer()
      loyalty = container.resolve<LoyaltyPointsModuleService>(LOYALTY_POINTS_MODULE)
      const { userId, ...headers } = await adminWithId(container, api)
      admin = headers
      adminUserId = userId

      const { result: products } = await createProductsWorkflow(container).run({
        input: {
          products: [
            {
              title: "Ibuprofen 400 mg",
              options: [{ title: "Pack", values: ["20 tablets", "Travel pack"] }],
              variants: [
                { title: "20 tablets", sku: "IBU-400-20", options: { Pack: "20 tablets" }, prices: [] },
                { title: "Travel pack", sku: "IBU-400-TRAVEL", options: { Pack: "Travel pack" }, prices: [] },
              ],
            },
          ],
        },
      })
      productId = products[0].id
      boxVariantId = products[0].variants.find((v) => v.sku === "IBU-400-20")!.id
      giftVariantId = products[0].variants.find((v) => v.sku === "IBU-400-TRAVEL")!.id

      const customers = container.resolve(Modules.CUSTOMER)
      const [zoeRow, bobRow] = await customers.createCustomers([
        { email: "zoe@pharmacy.example", first_name: "Zoë", last_name: "Åkesson" },
        { email: "bob@pharmacy.example", first_name: "Bob", last_name: "Baker" },
      ])
      zoe = { id: zoeRow.id, email: zoeRow.email! }
      bob = { id: bobRow.id, email: bobRow.email! }

      const [rule] = await loyalty.createPurchaseRewardRules([
        {
          name: "Buy 3 boxes, get 1 free",
          product_id: productId,
          every_quantity: 3,
          reward_type: "gift_shipment",
          gift_variant_id: giftVariantId,
          gift_quantity: 1,
        },
      ])
      ruleId = rule.id

      // One at a time and a little apart: "oldest first" is then the order of this list.
      const issue = async (row: Record<string, unknown>) => {
        await pause(3)
        const [created] = await loyalty.createPurchaseRewards([
          { rule_id: ruleId, gift_variant_id: giftVariantId, gift_quantity: 1, reward_type: "gift_shipment", ...row },
        ])
        return created.id
      }
      shipments = {
        zoePending: await issue({ customer_id: zoe.id, sequence: 1, order_id: "order_zoe_1", shipping_address: ZOE_ADDRESS }),
        bobPending: await issue({
          customer_id: bob.id,
          sequence: 1,
          order_id: "order_bob_1",
          shipping_address: BOB_ADDRESS,
          gift_quantity: 2,
          note: "ring twice",
        }),
        bobFulfilled: await issue({
          customer_id: bob.id,
          sequence: 2,
          order_id: "order_bob_2",
          shipping_address: BOB_ADDRESS,
          status: "fulfilled",
          fulfilled_at: new Date("2026-01-02T03:04:05.000Z"),
          fulfilled_by: "user_earlier",
        }),
        zoeCancelled: await issue({ customer_id: zoe.id, sequence: 2, shipping_address: ZOE_ADDRESS, status: "cancelled" }),
      }
      promotionRewardId = await issue({ customer_id: bob.id, sequence: 3, reward_type: "promotion_code", gift_variant_id: null })
    })

    const rewardsById = async (ids: string[]) =>
      new Map((await loyalty.listPurchaseRewards({ id: ids })).map((row) => [row.id, row]))

    it("creates, lists, updates and deletes purchase reward rules; a 400 names the bad field, an unknown id is a 404", async () => {
      const body = {
        name: "Buy 3 boxes of 20, get a travel pack",
        variant_id: boxVariantId,
        every_quantity: 3,
        reward_type: "gift_shipment",
        gift_variant_id: giftVariantId,
        gift_quantity: 1,
      }
      const created = (await api.post("/admin/loyalty/purchase-reward-rules", body, admin)).data.purchase_reward_rule
      expect(created).toEqual({
        ...body,
        id: expect.stringMatching(/^lprr_/),
        product_id: null,
        bonus_points: null,
        is_active: true,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })
      const bonus = (
        await api.post(
          "/admin/loyalty/purchase-reward-rules",
          { name: "Every 5th box: 50 points", product_id: productId, every_quantity: 5, reward_type: "bonus_points", bonus_points: 50 },
          admin
        )
      ).data.purchase_reward_rule
      expect(bonus).toMatchObject({ product_id: productId, variant_id: null, bonus_points: 50, gift_quantity: 1, gift_variant_id: null })

      const refused = [
        [{ ...body, product_id: productId }, "product_id"],
        [{ ...body, variant_id: undefined }, "product_id"],
        [{ ...body, variant_id: undefined, product_id: "prod_missing" }, 'product_id "prod_missing"'],
        [{ ...body, variant_id: "variant_missing" }, 'variant_id "variant_missing"'],
        [{ ...body, gift_variant_id: "variant_missing" }, 'gift_variant_id "variant_missing"'],
        [{ ...body, variant_id: "" }, "variant_id"],
        [{ ...body, every_quantity: 0 }, "every_quantity"],
        [{ ...body, every_quantity: 1.5 }, "every_quantity"],
        [{ ...body, every_quantity: "3" }, "every_quantity"],
        [{ ...body, reward_type: "coupon" }, "reward_type must be one of: gift_shipment, promotion_code, bonus_points"],
        [{ ...body, reward_type: "bonus_points" }, "bonus_points"],
        [{ ...body, reward_type: "bonus_points", bonus_points: 0 }, "bonus_points"],
        [{ ...body, reward_type: "bonus_points", bonus_points: 2.5 }, "bonus_points"],
        [{ ...body, bonus_points: 10 }, "bonus_points"],
        [{ ...body, gift_quantity: 0 }, "gift_quantity"],
        [{ ...body, is_active: "yes" }, "is_active"],
        [{ ...body, name: " " }, "name"],
        [{ ...body, name: undefined }, "name"],
        [{ ...body, every_quantity: undefined }, "every_quantity"],
        [{ ...body, customer_id: "cus_1" }, "customer_id"],
      ] as const
      for (const [bad, field] of refused) {
        const error = await failure(api.post("/admin/loyalty/purchase-reward-rules", bad, admin))
        expect({ field, ...error }).toEqual({ field, status: 400, message: expect.stringContaining(field) })
      }

      // The rule seeded in beforeAll plus the two created here.
      const list = (await api.get("/admin/loyalty/purchase-reward-rules?limit=2", admin)).data
      expect(list).toMatchObject({ count: 3, limit: 2, offset: 0 })
      expect(list.purchase_reward_rules.map((r: { id: string }) => r.id)).toEqual([ruleId, created.id])
      const last = (await api.get("/admin/loyalty/purchase-reward-rules?limit=2&offset=2", admin)).data
      expect(last.purchase_reward_rules.map((r: { id: string }) => r.id)).toEqual([bonus.id])
      const byType = (await api.get("/admin/loyalty/purchase-reward-rules?reward_type=bonus_points", admin)).data
      expect(byType.purchase_reward_rules.map((r: { id: string }) => r.id)).toEqual([bonus.id])
      const byVariant = (await api.get(`/admin/loyalty/purchase-reward-rules?variant_id=${boxVariantId}`, admin)).data
      expect(byVariant.count).toBe(1)
      for (const query of ["reward_type=coupon", "limit=0", "is_active=maybe", "colour=red"]) {
        const bad = await failure(api.get(`/admin/loyalty/purchase-reward-rules?${query}`, admin))
        expect({ query, ...bad }).toEqual({ query, status: 400, message: expect.stringContaining(query.split("=")[0]) })
      }

      const url = `/admin/loyalty/purchase-reward-rules/${created.id}`
      const updated = (await api.post(url, { name: "Buy 4, get 2", every_quantity: 4, gift_quantity: 2 }, admin)).data
        .purchase_reward_rule
      expect(updated).toMatchObject({ ...body, name: "Buy 4, get 2", every_quantity: 4, gift_quantity: 2 })
      expect((await api.get(url, admin)).data.purchase_reward_rule).toEqual(updated)

      // Checked as the rule will be stored: a variant rule given a product counts two things.
      const refusedUpdates = [
        [{ product_id: productId }, "product_id"],
        [{ product_id: productId, variant_id: boxVariantId }, "product_id"],
        [{ variant_id: null }, "product_id"],
        [{ reward_type: "bonus_points" }, "bonus_points"],
        [{ bonus_points: 5 }, "bonus_points"],
        [{ gift_variant_id: "variant_missing" }, "gift_variant_id"],
        [{ every_quantity: 0 }, "every_quantity"],
        [{ gift_quantity: -1 }, "gift_quantity"],
        [{ id: "lprr_other" }, "id"],
      ] as const
      for (const [bad, field] of refusedUpdates) {
        const error = await failure(api.post(url, bad, admin))
        expect({ field, ...error }).toEqual({ field, status: 400, message: expect.stringContaining(field) })
      }
      const switched = (await api.post(url, { product_id: productId, variant_id: null }, admin)).data.purchase_reward_rule
      expect(switched).toMatchObject({ product_id: productId, variant_id: null })
      const toPoints = (await api.post(url, { reward_type: "bonus_points", bonus_points: 30 }, admin)).data
        .purchase_reward_rule
      expect(toPoints).toMatchObject({ reward_type: "bonus_points", bonus_points: 30 })
      const backToGift = await failure(api.post(url, { reward_type: "gift_shipment" }, admin))
      expect(backToGift).toEqual({ status: 400, message: expect.stringContaining("bonus_points") })
      expect((await api.post(url, { reward_type: "gift_shipment", bonus_points: null }, admin)).data.purchase_reward_rule)
        .toMatchObject({ reward_type: "gift_shipment", bonus_points: null })

      const missing = "/admin/loyalty/purchase-reward-rules/lprr_missing"
      expect((await failure(api.get(missing, admin))).status).toBe(404)
      expect((await failure(api.post(missing, { name: "x" }, admin))).status).toBe(404)
      expect((await failure(api.delete(missing, admin))).status).toBe(404)

      expect((await api.delete(url, admin)).data).toEqual({ id: created.id, object: "purchase_reward_rule", deleted: true })
      expect((await failure(api.get(url, admin))).status).toBe(404)
      expect((await failure(api.delete(url, admin))).status).toBe(404)
      expect((await api.get("/admin/loyalty/purchase-reward-rules", admin)).data.count).toBe(2)
    })

    it("compensates the rule steps: a failed workflow removes the rule it created and restores one it changed or deleted", async () => {
      const before = await loyalty.retrievePurchaseRewardRule(ruleId)

      const createRun = await createRuleThenFail(container).run({
        input: { name: "Never", product_id: productId, every_quantity: 2, reward_type: "gift_shipment" },
        throwOnError: false,
      })
      expect(createRun.errors[0].error.message).toBe("forced failure")
      expect(await loyalty.listPurchaseRewardRules({ name: "Never" }, { withDeleted: true })).toEqual([])

      const updateRun = await updateRuleThenFail(container).run({
        input: { id: ruleId, name: "Changed", every_quantity: 9, gift_quantity: 4 },
        throwOnError: false,
      })
      expect(updateRun.errors).toHaveLength(1)
      expect(await loyalty.retrievePurchaseRewardRule(ruleId)).toMatchObject({
        name: before.name,
        every_quantity: 3,
        gift_quantity: 1,
      })

      await deleteRuleThenFail(container).run({ input: { id: ruleId }, throwOnError: false })
      expect((await api.get(`/admin/loyalty/purchase-reward-rules/${ruleId}`, admin)).data.purchase_reward_rule.name).toBe(
        before.name
      )
    })

    it("lists the gift-shipment queue oldest first, filtered by status and paged; other rewards stay out", async () => {
      const page = async (query = "") => (await api.get(`/admin/loyalty/gift-shipments${query}`, admin)).data

      const all = await page()
      expect(all).toMatchObject({ count: 4, limit: 50, offset: 0 })
      expect(all.gift_shipments.map((s: { id: string }) => s.id)).toEqual([
        shipments.zoePending,
        shipments.bobPending,
        shipments.bobFulfilled,
        shipments.zoeCancelled,
      ])
      expect(all.gift_shipments.map((s: { id: string }) => s.id)).not.toContain(promotionRewardId)
      expect(all.gift_shipments[0]).toEqual({
        id: shipments.zoePending,
        customer_id: zoe.id,
        customer: { email: zoe.email, first_name: "Zoë", last_name: "Åkesson" },
        rule: { id: ruleId, name: "Buy 3 boxes, get 1 free" },
        sequence: 1,
        gift_variant_id: giftVariantId,
        gift_quantity: 1,
        shipping_address: ZOE_ADDRESS,
        status: "pending",
        order_id: "order_zoe_1",
        created_at: expect.any(String),
        fulfilled_at: null,
      })
      expect(all.gift_shipments[2]).toMatchObject({ status: "fulfilled", fulfilled_at: "2026-01-02T03:04:05.000Z" })

      const pending = await page("?status=pending")
      expect(pending.gift_shipments.map((s: { id: string }) => s.id)).toEqual([shipments.zoePending, shipments.bobPending])
      expect((await page("?status=fulfilled,cancelled")).count).toBe(2)
      const second = await page("?limit=1&offset=1")
      expect(second).toMatchObject({ count: 4, limit: 1, offset: 1 })
      expect(second.gift_shipments.map((s: { id: string }) => s.id)).toEqual([shipments.bobPending])

      // A deleted rule is still named on the rewards it issued.
      await api.delete(`/admin/loyalty/purchase-reward-rules/${ruleId}`, admin)
      expect((await page("?limit=1")).gift_shipments[0].rule).toEqual({ id: ruleId, name: "Buy 3 boxes, get 1 free" })

      for (const query of ["status=sent", "limit=0", "limit=501", "offset=-1", "customer_id=x"]) {
        const bad = await failure(page(`?${query}`))
        expect({ query, ...bad }).toEqual({ query, status: 400, message: expect.stringContaining(query.split("=")[0]) })
      }
    })

    it("exports the queue as CSV, page by page, escaped, and parses back to the same values", async () => {
      // Raw bytes: axios would drop the byte order mark from a text response.
      const response = await api.get("/admin/loyalty/gift-shipments/export.csv", { ...admin, responseType: "arraybuffer" })
      expect(response.status).toBe(200)
      expect(response.headers["content-type"]).toBe("text/csv; charset=utf-8")
      expect(response.headers["transfer-encoding"]).toBe("chunked")
      expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="gift-shipments-all-\d{4}-\d{2}-\d{2}\.csv"$/)
      const text = Buffer.from(response.data).toString("utf8")
      expect(text.startsWith("\uFEFFid,created_at,customer_email,")).toBe(true)
      expect(text).toContain('"Hauptstraße 5, Hinterhaus"')
      expect(text).toContain('"<b>c/o</b> ""Müller"" & Söhne"')
      expect(text.endsWith("\r\n")).toBe(true)

      const [header, ...rows] = parse(text, { bom: true }) as string[][]
      expect(header).toEqual(CSV_COLUMNS)
      expect(rows.map((r) => r[0])).toEqual([
        shipments.zoePending,
        shipments.bobPending,
        shipments.bobFulfilled,
        shipments.zoeCancelled,
      ])
      const listed = (await api.get("/admin/loyalty/gift-shipments?limit=1", admin)).data.gift_shipments[0]
      expect(rows[0]).toEqual([
        shipments.zoePending,
        listed.created_at,
        "zoe@pharmacy.example",
        "Zoë",
        "O'Brien-Åkesson",
        "Hauptstraße 5, Hinterhaus",
        '<b>c/o</b> "Müller" & Söhne',
        "80331",
        "München",
        // A spreadsheet would run this as a formula; the apostrophe keeps it text.
        "'=HYPERLINK(\"http://evil.example\")",
        "DE",
        "+49 89 123456",
        "IBU-400-TRAVEL",
        "1",
        "Buy 3 boxes, get 1 free",
        "order_zoe_1",
        "pending",
      ])
      expect(rows[1]).toEqual([
        shipments.bobPending,
        expect.any(String),
        "bob@pharmacy.example",
        "Bob",
        "Baker",
        "1 Main Street",
        "",
        "D02 X285",
        "Dublin",
        "",
        "IE",
        "",
        "IBU-400-TRAVEL",
        "2",
        "Buy 3 boxes, get 1 free",
        "order_bob_1",
        "pending",
      ])

      const pending = await api.get("/admin/loyalty/gift-shipments/export.csv?status=pending", { ...admin, responseType: "text" })
      const pendingRows = parse(pending.data, { bom: true }) as string[][]
      expect(pendingRows.slice(1).map((r) => r[0])).toEqual([shipments.zoePending, shipments.bobPending])
      expect(pending.headers["content-disposition"]).toContain("gift-shipments-pending-")

      const done = await api.get("/admin/loyalty/gift-shipments/export.csv?status=fulfilled,cancelled", {
        ...admin,
        responseType: "text",
      })
      expect((parse(done.data, { bom: true }) as string[][]).map((r) => r[16])).toEqual(["status", "fulfilled", "cancelled"])
      expect((await failure(api.get("/admin/loyalty/gift-shipments/export.csv"))).status).toBe(401)
      const bad = await failure(api.get("/admin/loyalty/gift-shipments/export.csv?status=lost", admin))
      expect(bad).toEqual({ status: 400, message: expect.stringContaining("status") })

      // The keyset walk: pages of two see every row once, in order.
      const walked: string[][] = []
      for await (const rows of giftShipmentPages(container, {}, 2)) {
        walked.push(rows.map((r) => r.id))
      }
      expect(walked).toEqual([
        [shipments.zoePending, shipments.bobPending],
        [shipments.bobFulfilled, shipments.zoeCancelled],
      ])
    })

    it("prints mailing labels as escaped HTML on A4 sheets", async () => {
      const labels = async (query: string) =>
        api.get(`/admin/loyalty/gift-shipments/labels${query}`, { ...admin, responseType: "text" })

      const response = await labels(`?ids=${shipments.zoePending},${shipments.bobPending}`)
      expect(response.headers["content-type"]).toBe("text/html; charset=utf-8")
      const html: string = response.data
      expect(html).toContain("@page { size: A4")
      expect(html.match(/<div class="label"/g)).toHaveLength(2)
      expect(html.match(/<section class="sheet">/g)).toHaveLength(1)
      expect(html).toContain(`<p class="name">Zoë O&#39;Brien-Åkesson</p>`)
      expect(html).toContain(`<p class="company">Apotheke &quot;Zur Post&quot;, Filiale 2</p>`)
      expect(html).toContain(`<p class="street">&lt;b&gt;c/o&lt;/b&gt; &quot;Müller&quot; &amp; Söhne</p>`)
      expect(html).toContain(`<p class="city">80331 München</p>`)
      expect(html).toContain(`<p class="country">Germany</p>`)
      expect(html).toContain(`<p class="phone">Tel. +49 89 123456</p>`)
      expect(html).toContain(`<p class="gift">Gift: 1 × Ibuprofen 400 mg – Travel pack (IBU-400-TRAVEL)</p>`)
      expect(html).toContain(`<p class="gift">Gift: 2 × Ibuprofen 400 mg – Travel pack (IBU-400-TRAVEL)</p>`)
      expect(html).toContain(`<p class="country">Ireland</p>`)
      expect(html).not.toContain("<b>c/o</b>")
      expect(html.trim().endsWith("</html>")).toBe(true)

      // Without ids: every pending shipment.
      const pending: string = (await labels("")).data
      expect(pending).toContain(`data-id="${shipments.zoePending}"`)
      expect(pending).toContain(`data-id="${shipments.bobPending}"`)
      expect(pending).not.toContain(`data-id="${shipments.bobFulfilled}"`)
      const cancelled: string = (await labels("?status=cancelled")).data
      expect(cancelled.match(/<div class="label"/g)).toHaveLength(1)

      const unknown = await failure(labels(`?ids=${shipments.zoePending},lprw_missing`))
      expect(unknown).toEqual({ status: 404, message: expect.stringContaining("lprw_missing") })
      expect((await failure(labels(`?ids=${promotionRewardId}`))).status).toBe(404)
      const both = await failure(labels(`?ids=${shipments.zoePending}&status=pending`))
      expect(both).toEqual({ status: 400, message: expect.stringContaining("ids") })
      expect(await failure(labels("?ids="))).toEqual({ status: 400, message: expect.stringContaining("ids") })
    })

    it("fulfils pending shipments once, reports the others, and 404s unknown ids without changing anything", async () => {
      const fulfill = (body: unknown) => api.post("/admin/loyalty/gift-shipments/fulfill", body, admin)

      const unknown = await failure(fulfill({ ids: [shipments.bobPending, "lprw_missing"] }))
      expect(unknown).toEqual({ status: 404, message: expect.stringContaining("lprw_missing") })
      expect((await failure(fulfill({ ids: [promotionRewardId] }))).status).toBe(404)
      expect((await rewardsById([shipments.bobPending])).get(shipments.bobPending)!.status).toBe("pending")

      const ids = [shipments.zoePending, shipments.bobFulfilled, shipments.zoeCancelled, shipments.zoePending]
      const first = (await fulfill({ ids, note: "DHL 00340434" })).data
      expect(first).toEqual({
        fulfilled: [shipments.zoePending],
        already_fulfilled: [shipments.bobFulfilled],
        cancelled: [shipments.zoeCancelled],
      })
      const after = await rewardsById(Object.values(shipments))
      const zoe = after.get(shipments.zoePending)!
      expect(zoe).toMatchObject({ status: "fulfilled", fulfilled_by: adminUserId, note: "DHL 00340434" })
      expect(Date.now() - new Date(zoe.fulfilled_at!).getTime()).toBeLessThan(60_000)
      expect(after.get(shipments.bobFulfilled)).toMatchObject({ status: "fulfilled", fulfilled_by: "user_earlier" })
      expect(after.get(shipments.zoeCancelled)).toMatchObject({ status: "cancelled", fulfilled_at: null })
      expect(after.get(shipments.bobPending)).toMatchObject({ status: "pending", note: "ring twice" })

      const again = (await fulfill({ ids: [shipments.zoePending] })).data
      expect(again).toEqual({ fulfilled: [], already_fulfilled: [shipments.zoePending], cancelled: [] })
      const unchanged = (await rewardsById([shipments.zoePending])).get(shipments.zoePending)!
      expect(unchanged.fulfilled_at).toEqual(zoe.fulfilled_at)
      expect(unchanged.note).toBe("DHL 00340434")

      const queue = (await api.get("/admin/loyalty/gift-shipments?status=pending", admin)).data
      expect(queue.gift_shipments.map((s: { id: string }) => s.id)).toEqual([shipments.bobPending])

      const refused = [
        [{}, "ids"],
        [{ ids: [] }, "ids"],
        [{ ids: "lprw_1" }, "ids"],
        [{ ids: [""] }, "ids"],
        [{ ids: Array.from({ length: 501 }, (_, i) => `lprw_${i}`) }, "ids"],
        [{ ids: [shipments.bobPending], note: 5 }, "note"],
        [{ ids: [shipments.bobPending], status: "fulfilled" }, "status"],
      ] as const
      for (const [bad, field] of refused) {
        const error = await failure(fulfill(bad))
        expect({ field, ...error }).toEqual({ field, status: 400, message: expect.stringContaining(field) })
      }
      expect((await rewardsById([shipments.bobPending])).get(shipments.bobPending)!.status).toBe("pending")
    })

    it("lets exactly one of several admins fulfilling the same shipments at once record it", async () => {
      const { userId: packerId, ...second } = await adminWithId(container, api, "packer@test.example")
      const ids = [shipments.zoePending, shipments.bobPending]
      for (let round = 0; round < 3; round++) {
        if (round) {
          await loyalty.updatePurchaseRewards(ids.map((id) => ({ id, status: "pending" as const, fulfilled_at: null, fulfilled_by: null })))
        }
        const responses = await Promise.all(
          Array.from({ length: 6 }, (_, i) =>
            api.post("/admin/loyalty/gift-shipments/fulfill", { ids, note: `parcel ${round}-${i}` }, i % 2 ? second : admin)
          )
        )
        const winners = responses.flatMap((r, i) => r.data.fulfilled.map((id: string) => ({ id, i })))
        // Each shipment is fulfilled by one request; every other request reports it as already fulfilled.
        expect(winners.map((w) => w.id).sort()).toEqual([...ids].sort())
        for (const r of responses) {
          expect([...r.data.fulfilled, ...r.data.already_fulfilled].sort()).toEqual([...ids].sort())
        }
        const stored = await rewardsById(ids)
        for (const { id, i } of winners) {
          expect(stored.get(id)).toMatchObject({
            status: "fulfilled",
            fulfilled_by: i % 2 ? packerId : adminUserId,
            note: `parcel ${round}-${i}`,
          })
        }
      }
    })

    it("compensates a fulfilment: a failed workflow puts back status, fulfilled_at, fulfilled_by and note", async () => {
      const ids = [shipments.zoePending, shipments.bobPending, shipments.bobFulfilled]
      const before = await rewardsById(ids)

      const { errors } = await fulfillThenFail(container).run({
        input: { ids, actor_id: adminUserId, note: "will be undone" },
        throwOnError: false,
      })
      expect(errors).toHaveLength(1)
      expect(errors[0].error.message).toBe("forced failure")

      const after = await rewardsById(ids)
      for (const id of ids) {
        const pick = (row: Record<string, unknown>) => ({
          status: row.status,
          fulfilled_at: row.fulfilled_at,
          fulfilled_by: row.fulfilled_by,
          note: row.note,
        })
        expect(pick(after.get(id)!)).toEqual(pick(before.get(id)!))
      }
      expect(after.get(shipments.bobPending)).toMatchObject({ status: "pending", fulfilled_at: null, note: "ring twice" })
    })
  },
})
