import { planCase, planCustomer, variantBySku } from "../plan"
import { parseSeedArgs } from "../seed-options"

const anchor = new Date("2026-11-23T00:00:00Z")
const DAY = 86_400_000
const options = { seed: 42, anchor }

describe("demo data plans", () => {
  it("are deterministic: the same seed and anchor give the same customers and orders", () => {
    const a = [...planCase("electronics", 50, options)]
    const b = [...planCase("electronics", 50, options)]
    expect(JSON.stringify(a)).toEqual(JSON.stringify(b))
    const other = [...planCase("electronics", 50, { seed: 43, anchor })]
    expect(JSON.stringify(other)).not.toEqual(JSON.stringify(a))
  })

  it("plan each customer independently, so a range equals the same slice of the whole", () => {
    const whole = [...planCase("software", 30, options)]
    const slice = [...planCase("software", 10, options, 20)]
    expect(JSON.stringify(slice)).toEqual(JSON.stringify(whole.slice(20)))
  })

  it("give unique e-mails and order references, all dated before the anchor", () => {
    const emails = new Set<string>()
    const refs = new Set<string>()
    for (const c of ["pharmacy", "software", "electronics"] as const) {
      for (const p of planCase(c, 300, options)) {
        emails.add(p.email)
        for (const o of p.orders) {
          refs.add(o.ref)
          expect(o.placed_at.getTime()).toBeLessThan(anchor.getTime())
          expect(o.placed_at.getTime()).toBeGreaterThanOrEqual(p.created_at.getTime())
          for (const l of o.lines) {
            expect(l.quantity).toBeGreaterThan(0)
            expect(variantBySku(l.sku).product.handle).toBe(l.product_handle)
          }
        }
      }
    }
    expect(emails.size).toBe(900)
    expect(refs.size).toBe(
      [...planCase("pharmacy", 300, options), ...planCase("software", 300, options), ...planCase("electronics", 300, options)].reduce(
        (n, p) => n + p.orders.length,
        0
      )
    )
  })

  it("pharmacy patients reorder about 28 days per box bought, within 18 months", () => {
    const gapsPerBox: number[] = []
    for (const p of planCase("pharmacy", 400, options)) {
      expect(p.metadata.prescribing_doctor).toEqual(expect.stringMatching(/^Dr\. /))
      for (let i = 1; i < p.orders.length; i++) {
        const boxes = p.orders[i - 1].lines.find((l) => l.sku === "PH-FIN-28")!.quantity
        gapsPerBox.push((p.orders[i].placed_at.getTime() - p.orders[i - 1].placed_at.getTime()) / DAY / boxes)
      }
      for (const o of p.orders) {
        expect(anchor.getTime() - o.placed_at.getTime()).toBeLessThanOrEqual(542 * DAY)
      }
    }
    gapsPerBox.sort((x, y) => x - y)
    const median = gapsPerBox[Math.floor(gapsPerBox.length / 2)]
    expect(gapsPerBox.length).toBeGreaterThan(1000)
    expect(median).toBeGreaterThan(26)
    expect(median).toBeLessThan(31)
  })

  it("software members buy their own edition; 3.0 only after its launch; some upgraded from 2.0", () => {
    let upgraded = 0
    let owners2 = 0
    let french = 0
    for (const p of planCase("software", 1000, options)) {
      const skus = p.orders.flatMap((o) => o.lines.map((l) => l.sku))
      const editions = new Set(skus.filter((s) => s.startsWith("SW-PF")).map((s) => s.slice(-2)))
      expect(editions.size).toBe(1)
      if (p.country_code === "fr") french++
      for (const o of p.orders) {
        if (o.lines.some((l) => l.sku.startsWith("SW-PF3"))) {
          expect(anchor.getTime() - o.placed_at.getTime()).toBeLessThanOrEqual(241 * DAY)
        }
      }
      const has2 = skus.some((s) => s.startsWith("SW-PF2"))
      owners2 += has2 ? 1 : 0
      upgraded += has2 && skus.some((s) => s.startsWith("SW-PF3")) ? 1 : 0
    }
    expect(french).toBeGreaterThan(50)
    expect(upgraded / owners2).toBeGreaterThan(0.2)
    expect(upgraded / owners2).toBeLessThan(0.5)
  })

  it("electronics buyers keep their habits: TVs with wall mounts, phones with cases", () => {
    let tvOrders = 0
    let tvWithMount = 0
    let mountWithoutTv = 0
    let cardHolders = 0
    for (const p of planCase("electronics", 1000, options)) {
      cardHolders += p.metadata.co_branded_card ? 1 : 0
      for (const o of p.orders) {
        const skus = o.lines.map((l) => l.sku)
        const tv = skus.some((s) => s.startsWith("EL-TV"))
        tvOrders += tv ? 1 : 0
        tvWithMount += tv && skus.includes("EL-ACC-MOUNT") ? 1 : 0
        mountWithoutTv += !tv && skus.includes("EL-ACC-MOUNT") ? 1 : 0
        if (skus.includes("EL-TV-20")) {
          expect(anchor.getTime() - o.placed_at.getTime()).toBeLessThanOrEqual(46 * DAY)
        }
      }
    }
    expect(tvWithMount / tvOrders).toBeGreaterThan(0.5)
    expect(mountWithoutTv).toBe(0)
    expect(cardHolders).toBeGreaterThan(120)
    expect(cardHolders).toBeLessThan(280)
  })

  it("single customers match their place in a case", () => {
    const [third] = [...planCase("pharmacy", 1, options, 3)]
    expect(planCustomer("pharmacy", 3, options)).toEqual(third)
  })
})

describe("seed arguments", () => {
  it("read flags in every accepted form", () => {
    const parsed = parseSeedArgs(["--case", "software", "customers=25", "--seed=7", "--anchor", "2026-01-31"])
    expect(parsed).toEqual({
      cases: ["software"],
      customers: 25,
      seed: 7,
      anchor: new Date("2026-01-31T00:00:00Z"),
      emitEvents: false,
      retentionSetup: true,
    })
    expect(parseSeedArgs(["emit-events"]).emitEvents).toBe(true)
    expect(parseSeedArgs([], new Date("2026-11-23T15:00:00Z"))).toMatchObject({
      cases: ["pharmacy", "software", "electronics"],
      customers: undefined,
      anchor: new Date("2026-11-23T00:00:00Z"),
    })
  })

  it("reject bad values naming the flag", () => {
    expect(() => parseSeedArgs(["--case", "bakery"])).toThrow(/--case/)
    expect(() => parseSeedArgs(["--customers", "-3"])).toThrow(/--customers/)
    expect(() => parseSeedArgs(["--customers", "ten"])).toThrow(/--customers/)
    expect(() => parseSeedArgs(["--anchor", "yesterday"])).toThrow(/--anchor/)
  })
})
