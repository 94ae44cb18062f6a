import { compileDefinition } from "../definition/compile"
import { expandCountries } from "../definition/country-lists"
import { collectReferences, dependsOnTime, EMPTY_REFERENCES } from "../definition/references"
import { parseSegmentDefinition } from "../definition/schema"

const now = new Date("2026-12-01T00:00:00Z")

describe("the segment condition language", () => {
  it("accepts nested groups and reports every bad node with its path", () => {
    const ok = parseSegmentDefinition({
      and: [{ or: [{ field: "country", op: "in", values: ["EU"] }, { not: { field: "has_account", value: true } }] }, { field: "rfm", dimension: "recency", op: "gte", value: 4 }],
    })
    expect(ok.ok).toBe(true)
    const bad = parseSegmentDefinition({
      and: [{ field: "order_count", op: "between", from: 5 }, { or: [{ field: "nope" }] }, { not: { and: [], or: [] } }, "x"],
    })
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.issues.map((i) => i.path)).toEqual(["definition.and[0].to", "definition.and[1].or[0].field", "definition.and[2].not", "definition.and[3]"])
  })

  it("rejects a tree that is too large for one statement", () => {
    const wide = { or: Array.from({ length: 400 }, () => ({ field: "has_account", value: true })) }
    const parsed = parseSegmentDefinition(wide)
    expect(!parsed.ok && parsed.issues[0].message).toContain("at most 300 nodes")
  })

  it("compiles to parameterised SQL: values only ever travel as bindings", () => {
    const hostile = "x'); drop table customer_fact; --"
    const parsed = parseSegmentDefinition({
      and: [
        { field: "city", op: "in", values: [hostile] },
        { field: "metadata", key: "note", op: "contains", value: hostile },
        { field: "metadata", key: "seats", op: "gte", value: 5 },
        { field: "purchased", op: "bought", skus: [hostile], window: { within_last: { amount: 3, unit: "months" } } },
      ],
    })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    for (const mode of ["set", "customer"] as const) {
      const compiled = compileDefinition(parsed.definition, { mode, now, references: EMPTY_REFERENCES })
      expect(compiled.sql).not.toContain("drop table")
      expect(compiled.sql.split("?").length - 1).toBe(compiled.bindings.length)
      expect(compiled.bindings).toContainEqual([hostile.toLowerCase()])
    }
  })

  it("expands named country lists and knows which trees time can change", () => {
    expect(expandCountries(["DACH", "fr", "DE"])).toEqual(["at", "ch", "de", "fr"])
    const timed = parseSegmentDefinition({ field: "last_order_at", op: "more_than_ago", amount: 90, unit: "days" })
    const fixed = parseSegmentDefinition({ field: "last_order_at", op: "before", date: "2026-01-01" })
    expect(timed.ok && dependsOnTime(timed.definition)).toBe(true)
    expect(fixed.ok && dependsOnTime(fixed.definition)).toBe(false)
    const refs = parseSegmentDefinition({ and: [{ field: "segment", op: "member", segment_id: "seg_1" }, { field: "purchased", op: "bought", category_ids: ["pcat_1"] }] })
    expect(refs.ok && collectReferences(refs.definition)).toMatchObject({ segment_ids: ["seg_1"], category_ids: ["pcat_1"] })
  })
})
