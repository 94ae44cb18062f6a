import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { findBlockingImport } from "../../../modules/customer-facts/utils/history-import-sql"

/**
 * A file stored in Medusa's File module. Not `key`: the workflow SDK (2.21.2) reads a step input
 * value shaped `{ key, ... }` as its own resolved-property wrapper and drops it.
 */
export type StoredHistoryFile = { file_key: string; name: string; size: number }

export type CreateHistoryImportStepInput = {
  dry_run: boolean
  customers?: StoredHistoryFile | null
  orders?: StoredHistoryFile | null
  created_by?: string | null
}

/**
 * Records an import of stored files, pending. A real import is refused while another one waits
 * or runs (they run one at a time); dry runs write nothing and may run beside it. Compensation
 * deletes the record.
 */
export const createHistoryImportStep = createStep(
  "create-history-import",
  async (input: CreateHistoryImportStepInput, { container }) => {
    if (!input.customers && !input.orders) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "customers or orders: upload customers.csv, orders.csv or both")
    }
    if (!input.dry_run) {
      const blocking = await findBlockingImport(container.resolve(ContainerRegistrationKeys.PG_CONNECTION), null, new Date())
      if (blocking) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Import ${blocking.id} is ${blocking.status}; imports run one at a time, start this one when it has finished`
        )
      }
    }
    const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
    const created = await facts.createHistoryImports({
      status: "pending",
      dry_run: input.dry_run,
      customers_file_key: input.customers?.file_key ?? null,
      customers_file_name: input.customers?.name ?? null,
      customers_file_size: input.customers?.size ?? 0,
      orders_file_key: input.orders?.file_key ?? null,
      orders_file_name: input.orders?.name ?? null,
      orders_file_size: input.orders?.size ?? 0,
      created_by: input.created_by ?? null,
    })
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE).deleteHistoryImports(id)
  }
)
