import type { WorkflowData } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"

/** For use inside a workflow: fails with NOT_FOUND, before anything changes, unless every id exists. */
export function requireExisting(entity: string, ids: string | string[] | WorkflowData<string | string[]>) {
  return useQueryGraphStep({ entity, fields: ["id"], filters: { id: ids }, options: { throwIfKeyNotFound: true } })
}
