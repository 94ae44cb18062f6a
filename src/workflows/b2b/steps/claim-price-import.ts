import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { PriceImportStatus } from "../../../modules/b2b/types"

export type ClaimPriceImportInput = { import_id: string; from: PriceImportStatus[]; to: PriceImportStatus; stale_from?: PriceImportStatus[] }

/**
 * Moves an import on (pending → validating, ready or failed → applying), atomically: a request
 * delivered twice runs once, and two imports never apply to one contract at once. Unknown id:
 * NOT_FOUND; another status: NOT_ALLOWED. The steps after it record their own outcome.
 */
export const claimPriceImportStep = createStep("claim-price-import", async (input: ClaimPriceImportInput, { container }) => {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const claimed = await b2b.claimPriceImport({ id: input.import_id, from: input.from, to: input.to, stale_from: input.stale_from })
  if (!claimed) {
    const [job] = await b2b.listPriceImports({ id: input.import_id }, { select: ["id", "status"] })
    if (!job) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Price import with id "${input.import_id}" not found`)
    }
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Price import ${job.id} is ${job.status}; only a ${input.from.join(" or ")} import can move on to ${input.to}`)
  }
  return new StepResponse({ import_id: input.import_id })
})
