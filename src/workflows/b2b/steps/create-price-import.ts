import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import { retrieveContracts } from "./contract-checks"

/**
 * A file stored in Medusa's File module. Not `key`: the workflow SDK (2.21.2) reads a step input
 * value shaped `{ key, ... }` as its own resolved-property wrapper and drops it.
 */
export type StoredPriceFile = { file_key: string; name: string; size: number }

export type CreatePriceImportInput = { contract_id: string; file: StoredPriceFile; apply_when_ready: boolean; created_by?: string | null }

/** Records an uploaded price CSV as a pending import of a contract (unknown contract: NOT_FOUND); compensation deletes the record. */
export const createPriceImportStep = createStep(
  "create-price-import",
  async (input: CreatePriceImportInput, { container }) => {
    const [contract] = await retrieveContracts(container, [input.contract_id])
    const created = await container.resolve<B2bModuleService>(B2B_MODULE).createPriceImports({
      contract_id: contract.id,
      price_list_id: contract.price_list_id,
      status: "pending",
      apply_when_ready: input.apply_when_ready,
      file_key: input.file.file_key,
      file_name: input.file.name,
      file_size: input.file.size,
      created_by: input.created_by ?? null,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<B2bModuleService>(B2B_MODULE).deletePriceImports(id)
  }
)
