import { CATALOG, DEMO_REGIONS, priceOf, type DemoCase, type DemoProduct, type DemoVariant } from "./catalog"
import { DOCTORS, emailFor, person } from "./people"
import { SeededRandom, seedFrom } from "./random"

/**
 * Deterministic purchase histories for the three worked cases. Each customer is planned from its
 * own random stream (seed, case, index), so any range of customers can be generated on its own:
 * the demo seed turns plans into Medusa records through Medusa's workflows, and the bench-only
 * bulk generator streams the same plans straight into tables.
 */
export type PlannedLine = { sku: string; product_handle: string; quantity: number; unit_amount: number }

export type PlannedOrder = {
  /** Stable reference, unique across the store: `<case>-<customer index>-<order number>`. */
  ref: string
  placed_at: Date
  region_key: string
  currency_code: string
  lines: PlannedLine[]
}

export type PlannedCustomer = {
  case: DemoCase
  index: number
  email: string
  first_name: string
  last_name: string
  phone: string
  country_code: string
  city: string
  postal_code: string
  created_at: Date
  marketing_consent: boolean
  metadata: Record<string, unknown>
  orders: PlannedOrder[]
}

export type PlanOptions = {
  seed: number
  /** The day histories end on (UTC midnight); same seed and anchor → same store. */
  anchor: Date
}

export const DEFAULT_CUSTOMERS: Record<DemoCase, number> = { pharmacy: 2000, software: 5000, electronics: 5000 }

const DAY = 86_400_000

const variantIndex = new Map<string, { product: DemoProduct; variant: DemoVariant; demoCase: DemoCase }>()
for (const demoCase of Object.keys(CATALOG) as DemoCase[]) {
  for (const product of CATALOG[demoCase]) {
    for (const variant of product.variants) {
      variantIndex.set(variant.sku, { product, variant, demoCase })
    }
  }
}

/** The catalogue entry behind a SKU. */
export function variantBySku(sku: string) {
  const entry = variantIndex.get(sku)
  if (!entry) {
    throw new Error(`Unknown demo SKU ${sku}`)
  }
  return entry
}

function regionOf(country: string) {
  const region = DEMO_REGIONS.find((r) => r.countries.includes(country))
  if (!region) {
    throw new Error(`No demo region sells to ${country}`)
  }
  return region
}

class OrderBook {
  readonly orders: PlannedOrder[] = []
  constructor(
    private readonly demoCase: DemoCase,
    private readonly index: number,
    private readonly country: string,
    private readonly anchor: Date
  ) {}

  add(placedAt: Date, items: [string, number][]): void {
    if (placedAt.getTime() > this.anchor.getTime() || !items.length) {
      return
    }
    const region = regionOf(this.country)
    const lines = items.map(([sku, quantity]) => {
      const { product, variant } = variantBySku(sku)
      return { sku, product_handle: product.handle, quantity, unit_amount: priceOf(this.demoCase, variant, region.currency_code) }
    })
    this.orders.push({
      ref: `${this.demoCase}-${this.index}-${this.orders.length + 1}`,
      placed_at: placedAt,
      region_key: region.key,
      currency_code: region.currency_code,
      lines,
    })
  }
}

/** Plans one customer of a case; pure and deterministic. */
export function planCustomer(demoCase: DemoCase, index: number, options: PlanOptions): PlannedCustomer {
  const random = new SeededRandom(seedFrom(options.seed, demoCase, index))
  switch (demoCase) {
    case "pharmacy":
      return planPatient(random, index, options.anchor)
    case "software":
      return planSoftwareMember(random, index, options.anchor)
    case "electronics":
      return planElectronicsMember(random, index, options.anchor)
  }
}

/** Plans customers [start, start + count) of a case, one at a time. */
export function* planCase(demoCase: DemoCase, count: number, options: PlanOptions, start = 0): Generator<PlannedCustomer> {
  for (let i = start; i < start + count; i++) {
    yield planCustomer(demoCase, i, options)
  }
}

function daysBefore(anchor: Date, days: number, random: SeededRandom): Date {
  // A time of day between 08:00 and 22:00 UTC of the day before keeps orders off midnight
  // boundaries and strictly before the anchor.
  return new Date(anchor.getTime() - (Math.round(days) + 1) * DAY + random.int(8 * 60, 22 * 60) * 60_000)
}

function base(
  random: SeededRandom,
  demoCase: DemoCase,
  index: number,
  country: string,
  firstOrderAt: Date,
  consentRate: number
) {
  const p = person(random, country)
  return {
    case: demoCase,
    index,
    email: emailFor(random, p, demoCase, index),
    ...p,
    created_at: new Date(firstOrderAt.getTime() - random.int(0, 10) * DAY),
    marketing_consent: random.chance(consentRate),
  }
}

/** Pharmacy: 1–3 boxes of 28 tablets every ~28 days per box, with noise and drop-outs, over 18 months. */
function planPatient(random: SeededRandom, index: number, anchor: Date): PlannedCustomer {
  const firstOrderDaysAgo = random.int(0, 540)
  let t = daysBefore(anchor, firstOrderDaysAgo, random)
  const customer = base(random, "pharmacy", index, "tw", t, 0.7)
  const book = new OrderBook("pharmacy", index, "tw", anchor)
  const habitBoxes = random.weighted<number>([[1, 5], [2, 3.5], [3, 1.5]])
  for (;;) {
    const boxes = random.chance(0.8) ? habitBoxes : random.int(1, 3)
    const items: [string, number][] = [["PH-FIN-28", boxes]]
    if (random.chance(0.25)) items.push(["PH-MIN-60", 1])
    if (random.chance(0.15)) items.push(["PH-SHA-250", random.int(1, 2)])
    if (random.chance(0.1)) items.push(["PH-SER-30", 1])
    book.add(t, items)
    if (random.chance(0.06)) {
      break
    }
    // Patients reorder around the day the tablets run out: a box is 28 days.
    const gap = Math.max(7, Math.round(random.normal(boxes * 28 + 1, 3)))
    t = new Date(t.getTime() + gap * DAY)
    if (t.getTime() > anchor.getTime()) {
      break
    }
  }
  return {
    ...customer,
    metadata: {
      prescribing_doctor: random.pick(DOCTORS),
      boxes_per_order_habit: habitBoxes,
    },
    orders: book.orders,
  }
}

const SOFTWARE_COUNTRIES: [string, number][] = [
  ["de", 12], ["fr", 10], ["gb", 9], ["es", 4], ["it", 4], ["nl", 3], ["se", 2], ["pl", 2], ["at", 2], ["be", 2],
  ["ch", 1], ["dk", 1], ["ie", 1], ["pt", 1],
  ["us", 24], ["ca", 5],
  ["jp", 13], ["kr", 3], ["sg", 3],
]

const EDITION_BY_COUNTRY: Record<string, string> = { de: "DE", at: "DE", ch: "DE", fr: "FR", be: "FR", jp: "JA" }

/** Software vendor: PixelForge 2.0 owners across three continents, some upgraded to 3.0. */
function planSoftwareMember(random: SeededRandom, index: number, anchor: Date): PlannedCustomer {
  const country = random.weighted(SOFTWARE_COUNTRIES)
  const edition = random.chance(0.1) ? "EN" : EDITION_BY_COUNTRY[country] ?? "EN"
  const boughtV2 = random.chance(0.85)
  const firstDaysAgo = boughtV2 ? random.int(200, 1200) : random.int(0, 240)
  const first = daysBefore(anchor, firstDaysAgo, random)
  const customer = base(random, "software", index, country, first, 0.6)
  const book = new OrderBook("software", index, country, anchor)
  const addOn = (): [string, number][] =>
    random.chance(0.3) ? [[random.pick(["SW-ADD-BRUSH", "SW-ADD-RAW", "SW-ADD-CLOUD"]), 1]] : []
  if (boughtV2) {
    book.add(first, [[`SW-PF2-${edition}`, random.chance(0.08) ? random.int(2, 5) : 1], ...addOn()])
    // Version 3.0 launched 240 days before the anchor; a third of 2.0 owners upgraded.
    if (random.chance(0.35)) {
      const upgradeDaysAgo = random.int(0, Math.min(239, firstDaysAgo - 1))
      book.add(daysBefore(anchor, upgradeDaysAgo, random), [[`SW-PF3-${edition}`, 1], ...addOn()])
    }
  } else {
    book.add(first, [[`SW-PF3-${edition}`, 1], ...addOn()])
  }
  if (random.chance(0.25)) {
    for (let d = firstDaysAgo - 365; d > 0; d -= 365) {
      book.add(daysBefore(anchor, d, random), [["SW-ADD-CLOUD", 1]])
    }
  }
  book.orders.sort((a, b) => a.placed_at.getTime() - b.placed_at.getTime())
  book.orders.forEach((o, i) => (o.ref = `software-${index}-${i + 1}`))
  return {
    ...customer,
    metadata: { language: edition.toLowerCase(), licence_seats: 1 },
    orders: book.orders,
  }
}

/** Electronics retailer: TVs, vacuums and phones with their real co-purchase habits. */
function planElectronicsMember(random: SeededRandom, index: number, anchor: Date): PlannedCustomer {
  const country = random.chance(0.85) ? "us" : "ca"
  const card = random.chance(0.2)
  const firstDaysAgo = random.int(0, 730)
  let t = daysBefore(anchor, firstDaysAgo, random)
  const customer = base(random, "electronics", index, country, t, 0.65)
  const book = new OrderBook("electronics", index, country, anchor)
  const orderCount = card ? random.int(2, 8) : random.weighted<number>([[1, 4], [2, 3], [3, 2], [4, 1]])
  let ownsTv = false
  let ownsVacuum = false
  for (let n = 0; n < orderCount && t.getTime() <= anchor.getTime(); n++) {
    const items: [string, number][] = []
    const daysAgo = (anchor.getTime() - t.getTime()) / DAY
    const kind = random.weighted<string>([["tv", 25], ["phone", 30], ["vacuum", 20], ["accessory", 25]])
    if (kind === "tv") {
      // The 20-inch LCD launched 45 days ago; owners of a big TV buy it as a second screen.
      const small = daysAgo < 45 && (ownsTv ? random.chance(0.5) : random.chance(0.1))
      items.push([small ? "EL-TV-20" : random.chance(0.55) ? "EL-TV-55" : "EL-TV-65", 1])
      if (random.chance(0.6)) items.push(["EL-ACC-MOUNT", 1])
      if (random.chance(0.4)) items.push(["EL-ACC-HDMI", random.int(1, 2)])
      if (random.chance(0.2)) items.push(["EL-AUD-BAR", 1])
      ownsTv = true
    } else if (kind === "phone") {
      items.push([random.chance(0.6) ? "EL-PH-X-128" : "EL-PH-X-256", 1])
      if (random.chance(0.7)) items.push(["EL-PH-CASE", 1])
      if (random.chance(0.5)) items.push(["EL-PH-GLASS", 1])
      if (random.chance(0.3)) items.push(["EL-PH-CHARGER", 1])
      if (random.chance(0.15)) items.push(["EL-AUD-BUDS", 1])
    } else if (kind === "vacuum") {
      items.push([random.chance(0.6) ? "EL-VAC-STICK" : "EL-VAC-ROBOT", 1])
      if (random.chance(0.5)) items.push(["EL-VAC-FILTER", 1])
      ownsVacuum = true
    } else {
      const options = ownsVacuum ? ["EL-VAC-FILTER", "EL-AUD-BUDS", "EL-ACC-HDMI"] : ["EL-AUD-BUDS", "EL-ACC-HDMI", "EL-PH-CHARGER"]
      items.push([random.pick(options), 1])
    }
    book.add(t, items)
    t = new Date(t.getTime() + random.int(20, card ? 120 : 240) * DAY)
  }
  return {
    ...customer,
    metadata: { co_branded_card: card },
    orders: book.orders,
  }
}
