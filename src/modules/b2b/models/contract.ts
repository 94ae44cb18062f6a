import { model } from "@medusajs/framework/utils"
import { Company } from "./company"

export const CONTRACT_STATUSES = ["draft", "active", "cancelled"] as const

/**
 * A company's contract: the prices it pays, held in a Medusa price list of type override ruled on
 * the company's customer group (`customer.groups.id`). The list's starts_at / ends_at are the
 * contract's validity and its status is active only while both the contract and the company are;
 * two active contracts of one company never overlap in time.
 */
export const Contract = model
  .define("b2b_contract", {
    id: model.id({ prefix: "ctr" }).primaryKey(),
    title: model.text(),
    status: model.enum([...CONTRACT_STATUSES]).default("draft"),
    price_list_id: model.text(),
    valid_from: model.dateTime(),
    /** Null: open-ended. */
    valid_to: model.dateTime().nullable(),
    currency_code: model.text(),
    /** The account manager is e-mailed this many days before valid_to. */
    renewal_reminder_days: model.number().default(30),
    notes: model.text().nullable(),
    company: model.belongsTo(() => Company, { mappedBy: "contracts" }),
  })
  .indexes([
    { on: ["price_list_id"], unique: true, where: "deleted_at IS NULL" },
    { on: ["company_id", "status"], where: "deleted_at IS NULL" },
    { on: ["valid_to"], where: "deleted_at IS NULL AND status = 'active'" },
  ])
