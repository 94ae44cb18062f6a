import type { MedusaContainer } from "@medusajs/framework/types"
import { refreshLiveSegments } from "../workflows/segments/refresh-live-segments"

/** Every 15 minutes: the segments time changes (relative dates roll over) and any left stale. */
export default async function segmentsRefresh(container: MedusaContainer) {
  await refreshLiveSegments(container)
}

export const config = { name: "segments-refresh", schedule: "*/15 * * * *" }
