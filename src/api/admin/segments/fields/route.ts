import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { COUNTRY_LISTS } from "../../../../modules/segments/definition/country-lists"
import { FIELD_CATALOG } from "../../../../modules/segments/definition/field-catalog"

/** The condition language for the builder: fields, operators and inputs, and the named country lists. */
export const GET = async (_req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ fields: FIELD_CATALOG, country_lists: COUNTRY_LISTS })
}
