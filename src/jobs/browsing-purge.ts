import type { MedusaContainer } from "@medusajs/framework/types"
import { purgeBrowsingActivityWorkflow } from "../workflows/browsing/purge-browsing-activity"

/** Daily: forget browsing activity older than the retention (browsing.retentionDays). */
export default async function browsingPurge(container: MedusaContainer) {
  await purgeBrowsingActivityWorkflow(container).run({ input: {} })
}

export const config = { name: "browsing-purge", schedule: "30 3 * * *" }
