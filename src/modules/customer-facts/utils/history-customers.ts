import type { CreateCustomerAddressDTO, CreateCustomerDTO, CustomerUpdatableFields } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { CustomerRow } from "./history-rows"

/** A Medusa customer found by e-mail, with what the import may fill in. */
export type ExistingCustomer = {
  id: string
  /** Lower-cased. */
  email: string
  has_account: boolean
  created_by: string | null
  first_name: string | null
  last_name: string | null
  phone: string | null
  metadata: Record<string, unknown> | null
  has_address: boolean
}

const CUSTOMER_COLUMNS = `c.id, lower(c.email) as email, c.has_account, c.created_by, c.first_name, c.last_name, c.phone, c.metadata,
  exists(select 1 from customer_address a where a.customer_id = c.id and a.deleted_at is null) as has_address`
// One per e-mail: the registered account when Medusa has a guest and an account, else the oldest.
const ONE_PER_EMAIL = `order by lower(c.email), c.has_account desc, c.created_at, c.id`

/** Medusa customers whose stored e-mail is not lower-case that an import holds (by id); above, each batch scans. */
const MIXED_CASE_HELD = 200_000

/**
 * Finds Medusa customers by e-mail, case-insensitively, for one import. Medusa stores e-mails as
 * typed and indexes them as stored: lower-cased e-mails (all the import writes) are found through
 * that index, and the few customers stored with capitals are looked up by id from a map of them
 * read once (bounded by the store's mixed-case customers, not by the file). A store with more of
 * them than MIXED_CASE_HELD is scanned per batch instead. A customer created with capitals by
 * the storefront while the import runs is not seen by it.
 */
export class CustomerEmailMatcher {
  private constructor(private readonly mixedCase: Map<string, string[]> | null) {}

  static async load(knex: Knex): Promise<CustomerEmailMatcher> {
    const { rows: count } = await knex.raw(`select count(*)::int as n from customer where deleted_at is null and email <> lower(email)`)
    if (count[0].n > MIXED_CASE_HELD) {
      return new CustomerEmailMatcher(null)
    }
    const { rows } = await knex.raw(`select id, lower(email) as email from customer where deleted_at is null and email <> lower(email)`)
    const byEmail = new Map<string, string[]>()
    for (const r of rows as { id: string; email: string }[]) {
      byEmail.set(r.email, [...(byEmail.get(r.email) ?? []), r.id])
    }
    return new CustomerEmailMatcher(byEmail)
  }

  /** Customers by lower-cased e-mail, one per e-mail (see ONE_PER_EMAIL). */
  async find(knex: Knex, emails: string[]): Promise<Map<string, ExistingCustomer>> {
    if (!emails.length) {
      return new Map()
    }
    const { rows } = this.mixedCase
      ? await knex.raw(
          `select distinct on (lower(c.email)) ${CUSTOMER_COLUMNS} from customer c
           where (c.email = any(?::text[]) or c.id = any(?::text[])) and c.deleted_at is null ${ONE_PER_EMAIL}`,
          [emails, emails.flatMap((e) => this.mixedCase!.get(e) ?? [])]
        )
      : await knex.raw(
          `select distinct on (lower(c.email)) ${CUSTOMER_COLUMNS} from customer c
           where lower(c.email) = any(?::text[]) and c.deleted_at is null ${ONE_PER_EMAIL}`,
          [emails]
        )
    return new Map((rows as ExistingCustomer[]).map((c) => [c.email, c]))
  }
}

/** The last line per e-mail wins within a batch (a file may repeat a customer). */
export function lastRowPerEmail(rows: CustomerRow[]): CustomerRow[] {
  const byEmail = new Map<string, CustomerRow>()
  for (const row of rows) {
    byEmail.delete(row.email)
    byEmail.set(row.email, row)
  }
  return [...byEmail.values()]
}

/** A customer to create; `created_at` is the history's date, which the Customer module stores as given. */
export type CustomerToCreate = CreateCustomerDTO & { email: string; created_at?: Date }

export type CustomerBatchPlan = {
  create: CustomerToCreate[]
  update: { id: string; data: CustomerUpdatableFields }[]
  addresses: CreateCustomerAddressDTO[]
  /** Customers found by e-mail that existed before this import. */
  matched: ExistingCustomer[]
  /** Customers this import already created (an earlier batch, or a run that crashed). */
  ours: ExistingCustomer[]
}

function addressOf(row: CustomerRow): Omit<CreateCustomerAddressDTO, "customer_id"> | null {
  if (!row.country_code && !row.city && !row.postal_code) {
    return null
  }
  return {
    first_name: row.first_name,
    last_name: row.last_name,
    phone: row.phone,
    city: row.city,
    postal_code: row.postal_code,
    country_code: row.country_code,
    is_default_shipping: true,
    is_default_billing: true,
  }
}

/**
 * What one batch of customers.csv does: e-mails without a customer are created (with their
 * address, history date, metadata; `created_by` is the import, which makes a rerun find them as
 * its own); a customer found keeps what it has and gets only what it lacks (name, phone,
 * metadata keys, an address when it has none): Medusa is the live record, the file is history.
 */
export function planCustomerBatch(rows: CustomerRow[], existing: Map<string, ExistingCustomer>, importId: string): CustomerBatchPlan {
  const plan: CustomerBatchPlan = { create: [], update: [], addresses: [], matched: [], ours: [] }
  for (const row of lastRowPerEmail(rows)) {
    const found = existing.get(row.email)
    const address = addressOf(row)
    if (!found) {
      plan.create.push({
        email: row.email,
        first_name: row.first_name,
        last_name: row.last_name,
        phone: row.phone,
        created_by: importId,
        ...(row.created_at ? { created_at: row.created_at } : {}),
        ...(row.metadata ? { metadata: row.metadata } : {}),
        addresses: address ? [address] : [],
      })
      continue
    }
    ;(found.created_by === importId ? plan.ours : plan.matched).push(found)
    const change: CustomerUpdatableFields = {}
    for (const field of ["first_name", "last_name", "phone"] as const) {
      if (!found[field] && row[field]) {
        change[field] = row[field]
      }
    }
    const missingKeys = Object.keys(row.metadata ?? {}).filter((k) => !(k in (found.metadata ?? {})))
    if (missingKeys.length) {
      change.metadata = { ...(found.metadata ?? {}), ...Object.fromEntries(missingKeys.map((k) => [k, row.metadata![k]])) }
    }
    if (Object.keys(change).length) {
      plan.update.push({ id: found.id, data: change })
    }
    if (address && !found.has_address) {
      plan.addresses.push({ ...address, customer_id: found.id })
    }
  }
  return plan
}
