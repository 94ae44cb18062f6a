import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { ContractDTO, CreateContractInput, UpdateContractInput } from "../../../modules/b2b/types"
import { retrieveContracts } from "./contract-checks"

/**
 * Records contracts with the price lists created for them; one overlapping an active contract of
 * its company is refused under the company's lock. Compensation deletes them.
 */
export const signContractsStep = createStep(
  "sign-contracts",
  async (data: (CreateContractInput & { price_list_id: string })[], { container }) => {
    const contracts = data.length ? await container.resolve<B2bModuleService>(B2B_MODULE).signContracts(data) : []
    return new StepResponse(contracts, contracts.map((c) => c.id))
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<B2bModuleService>(B2B_MODULE).deleteContracts(ids)
  }
)

/**
 * Changes contracts (unknown ids: NOT_FOUND), refusing a change that overlaps another active
 * contract of the company. Compensation restores the fields it changed.
 */
export const amendContractsStep = createStep(
  "amend-contracts",
  async (data: UpdateContractInput[], { container }) => {
    const before = await retrieveContracts(container, data.map((d) => d.id))
    const dataBeforeUpdate = data.map((update) => {
      const row = before.find((b) => b.id === update.id)!
      return Object.fromEntries(Object.keys(update).map((k) => [k, row[k as keyof ContractDTO]])) as UpdateContractInput
    })
    const contracts = data.length ? await container.resolve<B2bModuleService>(B2B_MODULE).amendContracts(data) : []
    return new StepResponse(contracts, dataBeforeUpdate)
  },
  async (dataBeforeUpdate, { container }) => {
    if (!dataBeforeUpdate?.length) {
      return
    }
    await container.resolve<B2bModuleService>(B2B_MODULE).updateContracts(dataBeforeUpdate)
  }
)

/** Soft-deletes contracts (unknown ids: NOT_FOUND) and returns their price lists; compensation restores them. */
export const deleteContractsStep = createStep(
  "delete-contracts",
  async (ids: string[], { container }) => {
    const contracts = await retrieveContracts(container, ids)
    if (ids.length) {
      await container.resolve<B2bModuleService>(B2B_MODULE).softDeleteContracts(ids)
    }
    return new StepResponse(contracts, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container.resolve<B2bModuleService>(B2B_MODULE).restoreContracts(ids)
  }
)
