import type { CompanyStatus, ContractStatus } from "../types"

/**
 * The price-list rule key of a customer group, as the store's pricing context carries it
 * (`customer: { groups: [{ id }] }`). Medusa 2.21.2 also accepts `customer_group_id` as a rule
 * key, stores it and never applies it (MEDUSA-FACTS.md): contracts only ever use this one.
 */
export const CUSTOMER_GROUP_RULE = "customer.groups.id"

/** A contract's list applies only while the contract is active and its company too. */
export function contractPriceListStatus(contract: ContractStatus, company: CompanyStatus): "active" | "draft" {
  return contract === "active" && company === "active" ? "active" : "draft"
}

export type ContractPriceListFields = {
  title: string
  description: string
  type: "override"
  status: "active" | "draft"
  /** ISO 8601, as Medusa's price-list inputs take them. */
  starts_at: string
  ends_at: string | null
  rules: Record<string, string[]>
}

/** The Medusa price list fields a contract keeps in sync: override type, its company's group rule, its validity and status. */
export function contractPriceList(
  contract: { title: string; status: ContractStatus; valid_from: Date; valid_to: Date | null },
  company: { name: string; status: CompanyStatus; customer_group_id: string }
): ContractPriceListFields {
  return {
    title: `${company.name}: ${contract.title}`,
    description: `B2B contract prices of ${company.name}`,
    type: "override",
    status: contractPriceListStatus(contract.status, company.status),
    starts_at: new Date(contract.valid_from).toISOString(),
    ends_at: contract.valid_to ? new Date(contract.valid_to).toISOString() : null,
    rules: { [CUSTOMER_GROUP_RULE]: [company.customer_group_id] },
  }
}
