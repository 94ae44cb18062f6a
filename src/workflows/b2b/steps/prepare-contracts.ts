import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { B2B_MODULE } from "../../../modules/b2b"
import type B2bModuleService from "../../../modules/b2b/service"
import type { CreateContractInput, UpdateContractInput } from "../../../modules/b2b/types"
import { contractPriceList, type ContractPriceListFields } from "../../../modules/b2b/utils/contract-price-list"
import { retrieveCompanies } from "./company-checks"
import { assertContractDates, assertStoreCurrency, retrieveContracts } from "./contract-checks"

export type PreparedContracts = { contracts: CreateContractInput[]; price_lists: ContractPriceListFields[] }

/**
 * Checks new contracts (the company exists, dates in order, a currency the store sells in, no
 * overlap with an active contract of the company: checked again under a lock when recorded) and
 * gives the Medusa price list of each. Reads only: nothing to compensate.
 */
export const prepareContractsStep = createStep("prepare-contracts", async (data: CreateContractInput[], { container }) => {
  const b2b = container.resolve<B2bModuleService>(B2B_MODULE)
  const companies = await retrieveCompanies(container, data.map((d) => d.company_id))
  const price_lists: ContractPriceListFields[] = []
  for (const [i, contract] of data.entries()) {
    const period = { company_id: contract.company_id, status: contract.status ?? "draft", valid_from: contract.valid_from, valid_to: contract.valid_to ?? null }
    assertContractDates(period)
    await assertStoreCurrency(container, contract.currency_code)
    await b2b.assertNoOverlappingContract(period)
    price_lists.push(contractPriceList({ ...contract, ...period }, companies[i]))
  }
  return new StepResponse<PreparedContracts>({ contracts: data, price_lists })
})

export type PreparedContractUpdates = {
  /** Price list changes (title, validity, status) of the contracts whose list must follow. */
  price_lists: ({ id: string } & Partial<ContractPriceListFields>)[]
}

/**
 * Checks contract changes (unknown ids: NOT_FOUND; dates in order, a currency the store sells in,
 * and no new currency while the contract holds prices)
 * and gives the price list fields that follow them. Reads only: nothing to compensate.
 */
export const prepareContractUpdatesStep = createStep("prepare-contract-updates", async (data: UpdateContractInput[], { container }) => {
  const contracts = await retrieveContracts(container, data.map((d) => d.id))
  const companies = await retrieveCompanies(container, [...new Set(contracts.map((c) => c.company_id))])
  const price_lists: PreparedContractUpdates["price_lists"] = []
  for (const update of data) {
    const before = contracts.find((c) => c.id === update.id)!
    const after = {
      title: update.title ?? before.title,
      status: update.status ?? before.status,
      valid_from: update.valid_from ?? before.valid_from,
      valid_to: update.valid_to === undefined ? before.valid_to : update.valid_to,
    }
    assertContractDates(after)
    if (update.currency_code !== undefined && update.currency_code !== before.currency_code) {
      await assertStoreCurrency(container, update.currency_code)
      // Its prices are in the old currency: a new one would leave them charging nobody.
      const [, count] = await container.resolve(Modules.PRICING).listAndCountPrices({ price_list_id: [before.price_list_id] }, { select: ["id"], take: 1 })
      if (count > 0) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `currency_code: the contract holds ${count} price${count === 1 ? "" : "s"} in ${before.currency_code}; remove them (or import an empty price list) before changing its currency, or sign a new contract`
        )
      }
    }
    if (["title", "status", "valid_from", "valid_to"].some((f) => f in update)) {
      const { title, status, starts_at, ends_at } = contractPriceList(after, companies.find((c) => c.id === before.company_id)!)
      price_lists.push({ id: before.price_list_id, title, status, starts_at, ends_at })
    }
  }
  return new StepResponse<PreparedContractUpdates>({ price_lists })
})
