import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Funnel } from "@medusajs/icons"
import { SegmentsTable } from "../../components/segments/segments-table"

/** The segments: list, live member counts, refresh, export and delete; rows open the builder. */
const SegmentsPage = () => <SegmentsTable />

export const config = defineRouteConfig({
  label: "Segments",
  icon: Funnel,
})

export default SegmentsPage
