import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { ContractDTO } from "../../../modules/b2b/types"

/** The contracts by id; NOT_FOUND naming the first unknown one. */
export async function retrieveContracts(container: MedusaContainer, ids: string[]): Promise<ContractDTO[]> {
  const contracts = ids.length ? await container.resolve<B2bModuleService>(B2B_MODULE).listContracts({ id: ids }) : []
  const missing = ids.find((id) => !contracts.some((c) => c.id === id))
  if (missing) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Contract with id "${missing}" not found`)
  }
  return ids.map((id) => contracts.find((c) => c.id === id)!)
}

/** A contract ends after it starts. */
export function assertContractDates(contract: { valid_from: Date; valid_to: Date | null }): void {
  if (contract.valid_to && new Date(contract.valid_to).getTime() <= new Date(contract.valid_from).getTime()) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `valid_to: must be after valid_from (${new Date(contract.valid_from).toISOString()})`)
  }
}

/** A contract's currency is one the store sells in (Store module), so its prices can be charged. */
export async function assertStoreCurrency(container: MedusaContainer, currency_code: string): Promise<void> {
  const [store] = await container.resolve(Modules.STORE).listStores({}, { relations: ["supported_currencies"] })
  const codes = (store?.supported_currencies ?? []).map((c) => c.currency_code.toLowerCase())
  if (!codes.includes(currency_code)) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `currency_code: the store does not sell in ${currency_code}; its currencies are ${codes.join(", ") || "none yet"}`
    )
  }
}
