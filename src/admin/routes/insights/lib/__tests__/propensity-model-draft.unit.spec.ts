import { validateAndTransformBody, type MedusaNextFunction, type MedusaRequest, type MedusaResponse } from "@medusajs/framework/http"
import { FetchError } from "@medusajs/js-sdk"
import { AdminCreatePropensityModel } from "../../../../../api/admin/insights/validators"
import { emptyPropensityModelDraft, placePropensityModelError, toPropensityModelPayload, type PropensityModelDraft } from "../propensity-model-draft"

/** What the route's own body middleware says about a body: the parsed body, or the 400's message. */
async function validate(body: unknown): Promise<{ ok: true; body: unknown } | { ok: false; message: string }> {
  let failure: unknown
  const next: MedusaNextFunction = (error?: unknown) => {
    failure = error
  }
  const req = { body } as MedusaRequest
  await validateAndTransformBody(AdminCreatePropensityModel)(req, {} as MedusaResponse, next)
  return failure instanceof Error ? { ok: false, message: failure.message } : { ok: true, body: req.validatedBody }
}

/** Where the form puts the server's 400 for a body. */
async function placed(body: unknown) {
  const result = await validate(body)
  if (result.ok) {
    throw new Error(`expected a 400 for ${JSON.stringify(body)}`)
  }
  return placePropensityModelError(new FetchError(result.message, "Bad Request", 400))
}

const draft = (patch: Partial<PropensityModelDraft>): PropensityModelDraft => ({ ...emptyPropensityModelDraft(), name: "Will buy shoes", ...patch })

describe("the New propensity model form", () => {
  it("builds bodies the route accepts, one per kind of target", async () => {
    const drafts = [
      draft({ kind: "products", product_ids: ["prod_1", "prod_2"], category_ids: ["pcat_ignored"] }),
      draft({ kind: "categories", category_ids: ["pcat_1"], horizon_days: "90" }),
      draft({ kind: "metadata", metadata_key: "vip", metadata_value: "" }),
      draft({ kind: "metadata", metadata_key: "plan", metadata_value: "pro" }),
    ]
    const bodies = drafts.map((d) => toPropensityModelPayload(d).payload)
    expect(bodies).toEqual([
      { name: "Will buy shoes", target: { product_ids: ["prod_1", "prod_2"] }, horizon_days: 30 },
      { name: "Will buy shoes", target: { category_ids: ["pcat_1"] }, horizon_days: 90 },
      { name: "Will buy shoes", target: { metadata_key: "vip" }, horizon_days: 30 },
      { name: "Will buy shoes", target: { metadata_key: "plan", metadata_value: "pro" }, horizon_days: 30 },
    ])
    for (const body of bodies) {
      expect(await validate(body)).toMatchObject({ ok: true })
    }
  })

  it("refuses in the browser what the server would refuse, under the field", () => {
    expect(toPropensityModelPayload(draft({ name: " ", horizon_days: "3", product_ids: [] }))).toEqual({
      errors: {
        name: "Name the model (what it predicts).",
        horizon_days: "Enter a whole number of days between 7 and 365.",
        product_ids: "Pick at least one product.",
      },
    })
    expect(toPropensityModelPayload(draft({ kind: "metadata", metadata_key: "not a key!" })).errors).toEqual({
      metadata_key: "Enter a metadata key (letters, digits, _ . -).",
    })
    expect(toPropensityModelPayload(draft({ kind: "categories", horizon_days: "7.5" })).errors).toEqual({
      horizon_days: "Enter a whole number of days between 7 and 365.",
      category_ids: "Pick at least one category.",
    })
  })

  it("shows the server's 400 under the field it names", async () => {
    const name = "Will buy shoes"
    expect(Object.keys(await placed({ name, target: { product_ids: ["p"], metadata_key: "vip" }, horizon_days: 30 }))).toEqual(["target"])
    expect(Object.keys(await placed({ name, horizon_days: 30 }))).toEqual(["target"])
    expect(Object.keys(await placed({ name, target: { product_ids: [] }, horizon_days: 30 }))).toEqual(["product_ids"])
    expect(Object.keys(await placed({ name, target: { category_ids: "pcat_1" }, horizon_days: 30 }))).toEqual(["category_ids"])
    expect(Object.keys(await placed({ name, target: { metadata_key: "not a key!" }, horizon_days: 30 }))).toEqual(["metadata_key"])
    expect(Object.keys(await placed({ name, target: { product_ids: ["p"] }, horizon_days: 400 }))).toEqual(["horizon_days"])
    expect(Object.keys(await placed({ name: "", target: { product_ids: ["p"] }, horizon_days: 30 }))).toEqual(["name"])
  })

  it("puts any other failure under the form", () => {
    expect(placePropensityModelError(new FetchError("horizon_days: the worker is down", "Internal Server Error", 500))).toEqual({
      form: "horizon_days: the worker is down",
    })
  })
})
