/**
 * Named country lists a location condition may use beside ISO 3166-1 alpha-2 codes, expanded
 * before compiling ("in Europe except France" = `in ["EUROPE"]` and `not_in ["fr"]`).
 */
const EU = ["at", "be", "bg", "hr", "cy", "cz", "dk", "ee", "fi", "fr", "de", "gr", "hu", "ie", "it", "lv", "lt", "lu", "mt", "nl", "pl", "pt", "ro", "sk", "si", "es", "se"]
const EEA = [...EU, "is", "li", "no"]
const EUROPE = [
  ...EEA,
  "al", "ad", "am", "az", "by", "ba", "ch", "fo", "ge", "gb", "gg", "gi", "im", "je", "xk", "md", "mc", "me", "mk", "ru", "sm", "rs", "tr", "ua", "va",
]

export const COUNTRY_LISTS: Record<string, readonly string[]> = {
  EU,
  EEA,
  EUROPE,
  DACH: ["de", "at", "ch"],
  NORDICS: ["dk", "fi", "is", "no", "se"],
  BENELUX: ["be", "nl", "lu"],
  NORTH_AMERICA: ["us", "ca", "mx"],
  LATIN_AMERICA: ["ar", "bo", "br", "cl", "co", "cr", "cu", "do", "ec", "sv", "gt", "hn", "mx", "ni", "pa", "py", "pe", "uy", "ve"],
  ASIA_PACIFIC: ["au", "bd", "cn", "hk", "in", "id", "jp", "kr", "my", "mo", "nz", "ph", "sg", "lk", "tw", "th", "vn"],
  MIDDLE_EAST: ["ae", "bh", "eg", "il", "iq", "ir", "jo", "kw", "lb", "om", "qa", "sa", "sy", "ye"],
  OCEANIA: ["au", "nz", "fj", "pg"],
}

/** Codes and list names → lowercase country codes, each once. */
export function expandCountries(values: readonly string[]): string[] {
  const out = new Set<string>()
  for (const value of values) {
    const list = COUNTRY_LISTS[value.toUpperCase()]
    for (const code of list ?? [value.toLowerCase()]) {
      out.add(code)
    }
  }
  return [...out].sort()
}

/** Whether a value is a list name or a two-letter code. */
export function isCountryOrList(value: string): boolean {
  return /^[a-zA-Z]{2}$/.test(value) || value.toUpperCase() in COUNTRY_LISTS
}
