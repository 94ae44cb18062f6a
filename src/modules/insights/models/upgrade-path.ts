import { model } from "@medusajs/framework/utils"

/**
 * A product's successor ("2.0 → 3.0"), optionally for one variant (an edition or language) to the
 * successor's matching variant. Owners of the predecessor who do not own the successor are the
 * upgrade audience (a segment condition and a store offer).
 */
export const UpgradePath = model
  .define("insights_upgrade_path", {
    id: model.id({ prefix: "iupg" }).primaryKey(),
    product_id: model.text(),
    /** Only owners of this variant (an edition, a language); null: any variant of the product. */
    variant_id: model.text().nullable(),
    successor_product_id: model.text(),
    /** The successor's variant to offer; null: any variant of the successor counts as owning it. */
    successor_variant_id: model.text().nullable(),
    /** A label for the edition or language the path is for, shown with the offer. */
    edition: model.text().nullable(),
    is_active: model.boolean().default(true),
  })
  .indexes([
    { on: ["product_id", "variant_id"] },
    { on: ["successor_product_id"] },
  ])
