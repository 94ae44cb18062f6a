import type { MedusaContainer } from "@medusajs/framework/types"
import { SEGMENTS_MODULE } from "../../modules/segments"
import type { SegmentNode } from "../../modules/segments/definition/schema"
import type SegmentsModuleService from "../../modules/segments/service"
import { createSegmentWorkflow } from "../../workflows/segments/create-segment"
import { refreshSegmentWorkflow } from "../../workflows/segments/refresh-segment"
import type { DemoStore } from "./store-setup"

/** The worked cases' questions as saved segments, so the admin opens on real answers. */
export function demoSegments(store: DemoStore): { name: string; description: string; definition: SegmentNode; sync: boolean }[] {
  const product = (sku: string) => store.variantBySku[sku]?.product_id
  const segments: { name: string; description: string; definition: SegmentNode; sync: boolean }[] = []
  if (product("SW-PF3-EN")) {
    segments.push({
      name: "Upgrade to 3.0: Europe except France, English 2.0 owners",
      description: "The software vendor's upgrade campaign audience.",
      definition: {
        and: [
          { field: "country", op: "in", values: ["EUROPE"] },
          { field: "country", op: "not_in", values: ["fr"] },
          { field: "purchased", op: "bought", skus: ["SW-PF2-EN"] },
          { field: "purchased", op: "not_bought", product_ids: [product("SW-PF3-EN")!] },
        ],
      },
      sync: false,
    })
  }
  if (product("PH-FIN-28")) {
    segments.push(
      {
        name: "Finasteride runs out next week",
        description: "Patients whose boxes (28 days each) run out in the next 7 days: time to see the doctor and reorder.",
        definition: { field: "supply_runs_out", skus: ["PH-FIN-28"], days_per_unit: 28, op: "within_next", amount: 7, unit: "days" },
        sync: false,
      },
      {
        name: "Bought 3 boxes or more",
        description: "Loyal patients, synced to a customer group for a member price list.",
        definition: { field: "purchased", op: "bought", skus: ["PH-FIN-28"], min_quantity: 3 },
        sync: true,
      }
    )
  }
  if (product("EL-TV-20")) {
    segments.push({
      name: "No co-branded card, 2+ orders in 12 months",
      description: "The electronics retailer's card-application audience.",
      definition: {
        and: [
          { field: "metadata", key: "co_branded_card", op: "neq", value: true },
          { field: "order_count", op: "gte", value: 2, window: { within_last: { amount: 12, unit: "months" } } },
        ],
      },
      sync: false,
    })
  }
  return segments
}

/** Creates the demo segments that do not exist yet (matched by name), with their members. */
export async function ensureDemoSegments(container: MedusaContainer, store: DemoStore): Promise<number> {
  const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
  const wanted = demoSegments(store)
  const existing = await segments.listSegments({ name: wanted.map((s) => s.name) }, { select: ["name"] })
  const missing = wanted.filter((s) => !existing.some((e) => e.name === s.name))
  for (const s of missing) {
    const { result } = await createSegmentWorkflow(container).run({
      input: { name: s.name, description: s.description, definition: s.definition, create_customer_group: s.sync },
    })
    // `medusa exec` (the seed) may run without subscribers: compute the members here.
    await refreshSegmentWorkflow(container).run({ input: { segment_id: result.id } })
  }
  return missing.length
}
