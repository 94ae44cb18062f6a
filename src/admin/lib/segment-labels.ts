/** How the builder names the condition language's operators, inputs and options on screen. */

const OP_LABELS: Record<string, string> = {
  in: "is any of",
  not_in: "is none of",
  in_any: "is in any of",
  in_all: "is in all of",
  in_none: "is in none of",
  starts_with: "starts with any of",
  not_starts_with: "starts with none of",
  eq: "is",
  neq: "is not",
  gt: "is more than",
  gte: "is at least",
  lt: "is less than",
  lte: "is at most",
  before: "before",
  after: "after",
  within_last: "within the last",
  more_than_ago: "more than",
  within_next: "within the next",
  exists: "is set",
  not_exists: "is not set",
  contains: "contains",
  bought: "bought",
  not_bought: "did not buy",
  member: "is a member of",
  not_member: "is not a member of",
}

/** "between" reads "is between" for amounts and "between" for dates. */
export function opLabel(op: string, isDate: boolean): string {
  if (op === "between") {
    return isDate ? "between" : "is between"
  }
  return OP_LABELS[op] ?? op.replace(/_/g, " ")
}

const INPUT_LABELS: Record<string, string> = {
  value: "Value",
  from: "From",
  to: "To",
  date: "Date",
  amount: "Amount",
  unit: "Unit",
  window: "When",
  min_quantity: "Min. units",
  min_orders: "Min. orders",
  days_per_unit: "Days one unit lasts",
  currency_code: "Currency",
  dimension: "Score",
  purpose: "Purpose",
  key: "Metadata key",
  product_ids: "Products",
  variant_ids: "Variants",
  skus: "SKUs",
  collection_ids: "Collections",
  category_ids: "Categories",
  tag_ids: "Tags",
  group_ids: "Customer groups",
  region_ids: "Regions",
  tier_ids: "Tiers",
  segment_id: "Segment",
}

const VALUES_LABELS: Record<string, string> = {
  email_domain: "E-mail domains",
  country: "Countries",
  city: "Cities",
  postal_code: "Postal code prefixes",
}

/** An input's label; `values` is named after its field (domains, cities...). */
export function inputLabel(field: string, input: string): string {
  if (input === "values") {
    return VALUES_LABELS[field] ?? "Values"
  }
  return INPUT_LABELS[input] ?? input.replace(/_/g, " ")
}

const OPTION_LABELS: Record<string, string> = {
  days: "days",
  weeks: "weeks",
  months: "months",
  years: "years",
  recency: "Recency",
  frequency: "Frequency",
  monetary: "Monetary",
  email_marketing: "E-mail marketing",
  sms_marketing: "SMS marketing",
  tracking: "Tracking",
}

/** An enum option's label. */
export function optionLabel(option: string): string {
  return OPTION_LABELS[option] ?? option.replace(/_/g, " ")
}

/** A named country list ("NORTH_AMERICA" → "North America"); short ones (EU, EEA, DACH) stay capitals. */
export function countryListLabel(name: string): string {
  if (name.length <= 4) {
    return name
  }
  return name
    .toLowerCase()
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ")
}

const regionNames = new Intl.DisplayNames(undefined, { type: "region" })

/** A country's name in the browser's language ("fr" → "France"), or the code when unknown. */
export function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

// Region codes Intl names that are not countries (the EU, the UN, the eurozone, "unknown region", pseudo-locales).
const NOT_COUNTRIES = new Set(["EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"])

/**
 * Every ISO 3166-1 alpha-2 country the browser can name: the two-letter codes for which Intl has
 * a name, so no table of 249 countries has to ship with the dashboard.
 */
export const COUNTRY_CODES: string[] = (() => {
  const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  const codes: string[] = []
  for (const first of letters) {
    for (const second of letters) {
      const code = `${first}${second}`
      if (!NOT_COUNTRIES.has(code) && regionNames.of(code) !== code) {
        codes.push(code.toLowerCase())
      }
    }
  }
  return codes
})()
