import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"

/**
 * Marks a validated import (ready, or failed and rolled back: ready again) to be applied by the
 * worker (unknown id: NOT_FOUND; an import not validated, applying or applied: NOT_ALLOWED).
 * Asking twice is asking once. Compensation restores the status, the flag and the failure.
 */
export const requestPriceImportApplyStep = createStep(
  "request-price-import-apply",
  async (input: { import_id: string }, { container }) => {
    const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
    const [job] = await b2b.listPriceImports({ id: input.import_id }, { select: ["id", "status", "apply_when_ready", "validated_at", "failure", "finished_at"] })
    if (!job) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Price import with id "${input.import_id}" not found`)
    }
    const appliable = job.status === "ready" || (job.status === "failed" && !!job.validated_at)
    if (!appliable) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Price import ${job.id} is ${job.status}; only a ready import (or a failed one that was validated) can be applied`
      )
    }
    // A failed import was rolled back: it is ready again (its diff is taken again before applying, the list having moved).
    await b2b.updatePriceImports({ id: job.id, apply_when_ready: true, status: "ready", failure: null, finished_at: null })
    return new StepResponse({ id: job.id }, { id: job.id, apply_when_ready: job.apply_when_ready, status: job.status, failure: job.failure, finished_at: job.finished_at })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<B2bModuleService>(B2B_MODULE).updatePriceImports(before)
  }
)
