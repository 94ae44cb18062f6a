import { model } from "@medusajs/framework/utils"

/**
 * A renewal reminder sent for a contract ending on `valid_to`: unique per contract and end date, so
 * a daily job run twice (or on two workers) e-mails the account manager once; a contract extended
 * to a new end date gets a new reminder.
 */
export const ContractRenewalNotice = model
  .define("b2b_contract_renewal_notice", {
    id: model.id({ prefix: "crn" }).primaryKey(),
    contract_id: model.text(),
    company_id: model.text(),
    valid_to: model.dateTime(),
    sent_to: model.text(),
    notification_id: model.text().nullable(),
  })
  .indexes([
    { on: ["contract_id", "valid_to"], unique: true, where: null },
    { on: ["created_at"], where: null },
  ])
