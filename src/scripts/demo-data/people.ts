import type { SeededRandom } from "./random"

/** Names, cities and doctors for the generated customers, per part of the world. */
const NAMES: Record<string, { first: string[]; last: string[] }> = {
  tw: {
    first: ["Mei-Ling", "Chih-Hao", "Yu-Ting", "Wei-Lun", "Shu-Fen", "Jia-Hao", "Hsin-Yi", "Cheng-Han", "Ya-Wen", "Po-Yu"],
    last: ["Chen", "Lin", "Huang", "Chang", "Li", "Wang", "Wu", "Liu", "Tsai", "Yang"],
  },
  de: { first: ["Lukas", "Anna", "Jonas", "Lea", "Felix", "Mia", "Paul", "Laura"], last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker"] },
  fr: { first: ["Louis", "Emma", "Hugo", "Chloé", "Jules", "Léa", "Arthur", "Manon"], last: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Petit"] },
  en: { first: ["Oliver", "Amelia", "James", "Olivia", "Noah", "Emily", "Liam", "Sophia", "Ethan", "Ava"], last: ["Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Miller", "Moore"] },
  ja: { first: ["Haruto", "Yui", "Sota", "Hina", "Ren", "Aoi", "Yuto", "Sakura"], last: ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito"] },
  ko: { first: ["Min-jun", "Seo-yeon", "Ji-ho", "Ha-eun"], last: ["Kim", "Lee", "Park", "Choi"] },
}

const CITIES: Record<string, [string, string][]> = {
  tw: [["Taipei", "100"], ["New Taipei", "220"], ["Taichung", "400"], ["Tainan", "700"], ["Kaohsiung", "800"], ["Taoyuan", "330"], ["Hsinchu", "300"]],
  de: [["Berlin", "10115"], ["Hamburg", "20095"], ["München", "80331"], ["Köln", "50667"]],
  fr: [["Paris", "75001"], ["Lyon", "69001"], ["Marseille", "13001"], ["Toulouse", "31000"]],
  gb: [["London", "EC1A"], ["Manchester", "M1"], ["Bristol", "BS1"]],
  es: [["Madrid", "28001"], ["Barcelona", "08001"]],
  it: [["Roma", "00118"], ["Milano", "20121"]],
  nl: [["Amsterdam", "1011"], ["Utrecht", "3511"]],
  se: [["Stockholm", "111 20"]],
  pl: [["Warszawa", "00-001"]],
  at: [["Wien", "1010"]],
  be: [["Bruxelles", "1000"], ["Antwerpen", "2000"]],
  ch: [["Zürich", "8001"]],
  dk: [["København", "1050"]],
  ie: [["Dublin", "D01"]],
  pt: [["Lisboa", "1100"]],
  us: [["New York", "10001"], ["Los Angeles", "90001"], ["Chicago", "60601"], ["Houston", "77001"], ["Seattle", "98101"], ["Austin", "73301"]],
  ca: [["Toronto", "M5H"], ["Vancouver", "V5K"], ["Montréal", "H1A"]],
  jp: [["Tokyo", "100-0001"], ["Osaka", "530-0001"], ["Yokohama", "220-0001"]],
  kr: [["Seoul", "04524"]],
  sg: [["Singapore", "018989"]],
}

const NAME_POOL_BY_COUNTRY: Record<string, string> = {
  tw: "tw", de: "de", at: "de", ch: "de", fr: "fr", be: "fr", jp: "ja", kr: "ko",
}

export const DOCTORS = [
  "Dr. Lin Chia-Hung (Taipei Hair Clinic)",
  "Dr. Chen Mei-Hua (Da-An Dermatology)",
  "Dr. Wang Tzu-Chiang (Taichung Skin Center)",
  "Dr. Huang Li-Wen (Kaohsiung Medical Dermatology)",
  "Dr. Tsai Ming-Te (Tainan Hair Restoration)",
  "Dr. Liu Shu-Ping (Hsinchu Family Clinic)",
]

export type Person = {
  first_name: string
  last_name: string
  country_code: string
  city: string
  postal_code: string
  phone: string
}

/** A plausible person living in a country. */
export function person(random: SeededRandom, country: string): Person {
  const pool = NAMES[NAME_POOL_BY_COUNTRY[country] ?? "en"]
  const [city, postal] = random.pick(CITIES[country] ?? CITIES.us)
  return {
    first_name: random.pick(pool.first),
    last_name: random.pick(pool.last),
    country_code: country,
    city,
    postal_code: postal,
    phone: `+${random.int(1, 99)} ${random.int(100, 999)} ${random.int(100000, 999999)}`,
  }
}

const EMAIL_DOMAINS = ["mail.example.com", "inbox.example.net", "post.example.org"]

/** A unique, readable e-mail address on a reserved example domain. */
export function emailFor(random: SeededRandom, p: Person, demoCase: string, index: number): string {
  const local = `${p.first_name}.${p.last_name}`
    .normalize("NFD")
    .replace(/[^A-Za-z.]/g, "")
    .toLowerCase()
  return `${local}.${demoCase}${index}@${random.pick(EMAIL_DOMAINS)}`
}
