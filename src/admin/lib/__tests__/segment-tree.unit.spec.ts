import { validateAndTransformBody, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { AdminPreviewSegment } from "../../../api/admin/segments/validators"
import { FIELD_CATALOG } from "../../../modules/segments/definition/field-catalog"
import { parseSegmentDefinition } from "../../../modules/segments/definition/schema"
import {
  buildDefinition,
  newCondition,
  newGroup,
  parseDefinition,
  placeIssues,
  softenPristine,
  type DraftCondition,
  type DraftGroup,
} from "../segment-tree"

const catalog = new Map<string, (typeof FIELD_CATALOG)[number]>(FIELD_CATALOG.map((field) => [field.field, field]))
const field = (name: string) => catalog.get(name)!

/** The message the preview route answers for a definition: the route's own body middleware, run on it. */
async function serverMessage(definition: unknown): Promise<string> {
  let failure: unknown
  const next: MedusaNextFunction = (error?: unknown) => {
    failure = error
  }
  const req = { body: { definition } } as MedusaRequest
  await validateAndTransformBody(AdminPreviewSegment)(req, {} as MedusaResponse, next)
  if (!(failure instanceof Error)) {
    throw new Error("the server accepted the definition")
  }
  return failure.message
}

const condition = (name: string, values: Record<string, unknown>, negated = false): DraftCondition => {
  const made = newCondition(field(name))
  return { ...made, negated, pristine: false, values: { ...made.values, ...values } }
}

describe("the builder's draft tree", () => {
  it("reads a saved definition and writes back the same JSON, through nested and/or/not, windows, between and metadata types", () => {
    const saved = {
      and: [
        { field: "country", op: "in", values: ["EUROPE"] },
        { not: { field: "country", op: "in", values: ["fr"] } },
        {
          or: [
            { field: "purchased", op: "bought", skus: ["SW-PF2-EN"], window: { within_last: { amount: 90, unit: "days" } }, min_quantity: 2 },
            { field: "total_spent", currency_code: "eur", op: "between", from: 100, to: 500, window: { from: "2026-01-01", to: "2026-06-30" } },
          ],
        },
        {
          not: {
            and: [
              { field: "metadata", key: "co_branded_card", op: "eq", value: true },
              { field: "metadata", key: "visits", op: "gte", value: 3 },
              { field: "last_order_at", op: "more_than_ago", amount: 6, unit: "months" },
            ],
          },
        },
      ],
    }
    expect(parseSegmentDefinition(saved).ok).toBe(true)

    const draft = parseDefinition(saved, catalog)
    const { definition } = buildDefinition(draft, catalog)

    expect(definition).toEqual(saved)
  })

  it("opens a bare condition (an automation split's) as a group of one, built back as that group", () => {
    const split = { field: "order_count", op: "gte", value: 2 }
    const negated = { not: { field: "country", op: "in", values: ["fr"] } }

    const draft = parseDefinition(split, catalog)
    expect(draft.op).toBe("and")
    expect(draft.children).toHaveLength(1)
    expect(buildDefinition(draft, catalog).definition).toEqual({ and: [split] })
    // A negated leaf stays a negated leaf inside the group, not a negated group.
    const not = parseDefinition(negated, catalog)
    expect(not.negated).toBe(false)
    expect(not.children[0].negated).toBe(true)
    expect(buildDefinition(not, catalog).definition).toEqual({ and: [negated] })
    expect(parseSegmentDefinition({ and: [negated] }).ok).toBe(true)
  })

  it("sends only the inputs the operator takes: between sends from/to and no value, a relative date no calendar day", () => {
    const spend = condition("order_count", { op: "between", value: "7", from: "2", to: "5" })
    const signedUp = condition("signed_up", { op: "within_last", date: "2026-01-01", amount: "14", unit: "days" })

    const { definition } = buildDefinition(newGroup("and", [spend, signedUp]), catalog)

    expect(definition).toEqual({
      and: [
        { field: "order_count", op: "between", from: 2, to: 5 },
        { field: "signed_up", op: "within_last", amount: 14, unit: "days" },
      ],
    })
  })

  it("puts each problem of the server's 400 on the draft node and input it names, negated nodes included", async () => {
    const emptyCountries = condition("country", { op: "in", values: [] })
    const missingValue = condition("order_count", { op: "gte", value: "" })
    const backwards = condition("total_spent", { op: "between", from: "5", to: "3", currency_code: "eur" }, true)
    const root: DraftGroup = newGroup("and", [emptyCountries, newGroup("or", [missingValue, backwards])])
    const built = buildDefinition(root, catalog)

    const message = await serverMessage(built.definition)
    const placed = placeIssues(message, built, root)

    expect(message).toMatch(/^Invalid request: definition\.and\[0\]\.values: /)
    expect(placed.unplaced).toEqual([])
    expect(placed.byNode.get(emptyCountries.id)).toEqual([{ input: "values", message: "must name at least one country" }])
    expect(placed.byNode.get(missingValue.id)).toEqual([{ input: "value", message: 'is required with op "gte" (a number)' }])
    expect(placed.byNode.get(backwards.id)).toEqual([{ input: "to", message: "must not be less than from" }])
  })

  it("puts an empty group's problem on the group, and a reference the server could not resolve on the condition holding the id", async () => {
    const empty = newGroup("or")
    const byCategory = condition("purchased", { op: "bought", category_ids: ["pcat_gone"] })
    const root = newGroup("and", [byCategory, empty])
    const built = buildDefinition(root, catalog)

    const shape = placeIssues(await serverMessage(built.definition), built, root)
    const reference = placeIssues('category_ids: no product category "pcat_gone"', built, root)

    expect(shape.byNode.get(empty.id)).toEqual([{ input: undefined, message: "must be a non-empty list of groups and conditions" }])
    expect(reference.byNode.get(byCategory.id)).toEqual([{ input: "category_ids", message: 'no product category "pcat_gone"' }])
    expect(placeIssues("name must not be empty", built, root).unplaced).toEqual(["name must not be empty"])
  })

  it("shows what a just-added condition lacks as a hint, and the same problem on an edited one as an error", async () => {
    const fresh = newCondition(field("city"))
    const edited = condition("city", { op: "in", values: [] })
    const root = newGroup("and", [fresh, edited])
    const built = buildDefinition(root, catalog)

    const placed = softenPristine(placeIssues(await serverMessage(built.definition), built, root), root)

    expect(placed.byNode.get(fresh.id)?.map((issue) => issue.soft)).toEqual([true])
    expect(placed.byNode.get(edited.id)?.map((issue) => issue.soft)).toEqual([undefined])
  })
})
