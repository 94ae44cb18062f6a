/**
 * The demo store's catalogue: the three worked cases of our users. Prices are in the region's
 * currency, in major units (Medusa v2 stores decimal amounts).
 */
export type DemoCase = "pharmacy" | "software" | "electronics"

export const DEMO_CASES: readonly DemoCase[] = ["pharmacy", "software", "electronics"]

export type DemoVariant = { sku: string; title: string; options: Record<string, string>; price: number }

export type DemoProduct = {
  handle: string
  title: string
  description: string
  category: string
  /** Product-level facts later domains use (consumption cycle, edition, version, launch). */
  metadata: Record<string, unknown>
  options: { title: string; values: string[] }[]
  variants: DemoVariant[]
}

export type DemoRegion = { key: string; name: string; currency_code: string; countries: string[] }

export const DEMO_REGIONS: readonly DemoRegion[] = [
  { key: "taiwan", name: "Taiwan", currency_code: "twd", countries: ["tw"] },
  {
    key: "europe",
    name: "Europe",
    currency_code: "eur",
    countries: ["de", "fr", "gb", "es", "it", "nl", "se", "pl", "at", "be", "ch", "dk", "ie", "pt"],
  },
  { key: "north-america", name: "North America", currency_code: "usd", countries: ["us", "ca"] },
  { key: "asia", name: "Asia Pacific", currency_code: "jpy", countries: ["jp", "kr", "sg"] },
]

export const CASE_CURRENCY: Record<DemoCase, Record<string, number>> = {
  // Multipliers from the catalogue's base price (given in the case's home currency) to others.
  pharmacy: { twd: 1 },
  software: { eur: 1, usd: 1.1, jpy: 160 },
  electronics: { usd: 1 },
}

const single = (sku: string, price: number): DemoVariant[] => [
  { sku, title: "Default", options: { Variant: "Default" }, price },
]
const singleOption = [{ title: "Variant", values: ["Default"] }]

const EDITIONS = [
  ["EN", "English"],
  ["DE", "German"],
  ["FR", "French"],
  ["JA", "Japanese"],
] as const

const softwareVersion = (version: "2.0" | "3.0", price: number, launchedDaysAgo: number): DemoProduct => ({
  handle: `pixelforge-${version.replace(".", "-")}`,
  title: `PixelForge ${version}`,
  description: `Image-editing software, version ${version}. Perpetual licence in four editions.`,
  category: "Software",
  metadata: { version, family: "pixelforge", launched_days_ago: launchedDaysAgo },
  options: [{ title: "Edition", values: EDITIONS.map(([, name]) => name) }],
  variants: EDITIONS.map(([code, name]) => ({
    sku: `SW-PF${version[0]}-${code}`,
    title: `${name} edition`,
    options: { Edition: name },
    price,
  })),
})

export const CATALOG: Record<DemoCase, DemoProduct[]> = {
  pharmacy: [
    {
      handle: "finasteride-1mg-28",
      title: "Finasteride 1 mg, box of 28 tablets",
      description: "Prescription hair-loss treatment. One tablet a day; a box lasts 28 days.",
      category: "Prescription",
      metadata: { prescription: true, units_per_box: 28, days_per_unit: 28 },
      options: singleOption,
      variants: single("PH-FIN-28", 1200),
    },
    {
      handle: "minoxidil-foam-60",
      title: "Minoxidil 5% foam, 60 g",
      description: "Topical foam, twice daily.",
      category: "Hair care",
      metadata: { days_per_unit: 30 },
      options: singleOption,
      variants: single("PH-MIN-60", 890),
    },
    {
      handle: "biotin-shampoo-250",
      title: "Biotin shampoo, 250 ml",
      description: "Gentle daily shampoo.",
      category: "Hair care",
      metadata: { days_per_unit: 45 },
      options: singleOption,
      variants: single("PH-SHA-250", 450),
    },
    {
      handle: "scalp-serum-30",
      title: "Scalp serum, 30 ml",
      description: "Leave-in scalp serum.",
      category: "Hair care",
      metadata: { days_per_unit: 30 },
      options: singleOption,
      variants: single("PH-SER-30", 680),
    },
  ],
  software: [
    softwareVersion("2.0", 199, 1200),
    softwareVersion("3.0", 249, 240),
    {
      handle: "pixelforge-brush-pack",
      title: "PixelForge Brush Pack",
      description: "500 professional brushes.",
      category: "Add-ons",
      metadata: { family: "pixelforge", addon: true },
      options: singleOption,
      variants: single("SW-ADD-BRUSH", 29),
    },
    {
      handle: "pixelforge-raw-plugin",
      title: "PixelForge RAW Plugin",
      description: "Camera RAW import for 900 camera models.",
      category: "Add-ons",
      metadata: { family: "pixelforge", addon: true },
      options: singleOption,
      variants: single("SW-ADD-RAW", 49),
    },
    {
      handle: "pixelforge-cloud-1y",
      title: "PixelForge Cloud, 1 year",
      description: "100 GB cloud library, one year.",
      category: "Add-ons",
      metadata: { family: "pixelforge", addon: true, days_per_unit: 365 },
      options: singleOption,
      variants: single("SW-ADD-CLOUD", 59),
    },
  ],
  electronics: [
    {
      handle: "tv-55-oled",
      title: "55-inch 4K OLED TV",
      description: "55-inch OLED television.",
      category: "TVs",
      metadata: { kind: "tv" },
      options: singleOption,
      variants: single("EL-TV-55", 1299),
    },
    {
      handle: "tv-65-qled",
      title: "65-inch QLED TV",
      description: "65-inch QLED television.",
      category: "TVs",
      metadata: { kind: "tv" },
      options: singleOption,
      variants: single("EL-TV-65", 1599),
    },
    {
      handle: "tv-20-lcd",
      title: "20-inch LCD TV (new)",
      description: "Compact 20-inch LCD television for kitchens and bedrooms. New this season.",
      category: "TVs",
      metadata: { kind: "tv", launched_days_ago: 45 },
      options: singleOption,
      variants: single("EL-TV-20", 199),
    },
    {
      handle: "tv-wall-mount",
      title: "TV wall mount",
      description: "Tilting wall mount for 20 to 75-inch screens.",
      category: "TV accessories",
      metadata: {},
      options: singleOption,
      variants: single("EL-ACC-MOUNT", 79),
    },
    {
      handle: "hdmi-cable-2m",
      title: "HDMI 2.1 cable, 2 m",
      description: "48 Gbit/s HDMI cable.",
      category: "TV accessories",
      metadata: {},
      options: singleOption,
      variants: single("EL-ACC-HDMI", 19),
    },
    {
      handle: "soundbar",
      title: "Soundbar 3.1",
      description: "3.1 channel soundbar with subwoofer.",
      category: "Audio",
      metadata: {},
      options: singleOption,
      variants: single("EL-AUD-BAR", 349),
    },
    {
      handle: "vacuum-cordless",
      title: "Cordless stick vacuum",
      description: "Lightweight cordless vacuum cleaner.",
      category: "Vacuum cleaners",
      metadata: { kind: "vacuum" },
      options: singleOption,
      variants: single("EL-VAC-STICK", 399),
    },
    {
      handle: "vacuum-robot",
      title: "Robot vacuum",
      description: "Self-emptying robot vacuum.",
      category: "Vacuum cleaners",
      metadata: { kind: "vacuum" },
      options: singleOption,
      variants: single("EL-VAC-ROBOT", 599),
    },
    {
      handle: "vacuum-filter-pack",
      title: "Vacuum filter pack",
      description: "Three replacement filters.",
      category: "Vacuum accessories",
      metadata: { days_per_unit: 120 },
      options: singleOption,
      variants: single("EL-VAC-FILTER", 29),
    },
    {
      handle: "phone-x",
      title: "Phone X",
      description: "Smartphone.",
      category: "Phones",
      metadata: { kind: "phone" },
      options: [{ title: "Storage", values: ["128 GB", "256 GB"] }],
      variants: [
        { sku: "EL-PH-X-128", title: "128 GB", options: { Storage: "128 GB" }, price: 799 },
        { sku: "EL-PH-X-256", title: "256 GB", options: { Storage: "256 GB" }, price: 899 },
      ],
    },
    {
      handle: "phone-case",
      title: "Phone X case",
      description: "Protective case for Phone X.",
      category: "Phone accessories",
      metadata: {},
      options: singleOption,
      variants: single("EL-PH-CASE", 29),
    },
    {
      handle: "screen-protector",
      title: "Phone X screen protector",
      description: "Tempered glass, two pack.",
      category: "Phone accessories",
      metadata: {},
      options: singleOption,
      variants: single("EL-PH-GLASS", 19),
    },
    {
      handle: "usb-c-charger",
      title: "USB-C charger 30 W",
      description: "Fast charger.",
      category: "Phone accessories",
      metadata: {},
      options: singleOption,
      variants: single("EL-PH-CHARGER", 35),
    },
    {
      handle: "wireless-earbuds",
      title: "Wireless earbuds",
      description: "Noise-cancelling earbuds.",
      category: "Audio",
      metadata: {},
      options: singleOption,
      variants: single("EL-AUD-BUDS", 149),
    },
  ],
}

/** Price of a SKU in a currency, from the case's base price. */
export function priceOf(demoCase: DemoCase, variant: DemoVariant, currency: string): number {
  const factor = CASE_CURRENCY[demoCase][currency]
  if (factor === undefined) {
    throw new Error(`Case ${demoCase} is not sold in ${currency}`)
  }
  return Math.round(variant.price * factor)
}
