import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"

/**
 * Deletes an import's uploaded CSV once nothing will read it again: the import was applied, or
 * its file was invalid (a corrected file is a new upload). Its rows stay staged for the admin's
 * diff and the export is rebuilt from the price list, so nothing needs the file. A file already
 * gone, or a storage error, is only logged: the import's outcome does not depend on it. Nothing
 * to compensate: the last step.
 */
export const deletePriceImportFileStep = createStep("delete-price-import-file", async (input: { import_id: string }, { container }) => {
  const job = await container.resolve<B2bModuleService>(B2B_MODULE).retrievePriceImport(input.import_id)
  try {
    await container.resolve(Modules.FILE).deleteFiles([job.file_key])
  } catch (e) {
    container.resolve(ContainerRegistrationKeys.LOGGER).warn(`price import ${job.id}: its file ${job.file_key} was not deleted: ${e instanceof Error ? e.message : String(e)}`)
  }
  return new StepResponse({ file_key: job.file_key })
})
