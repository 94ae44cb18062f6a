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

/**
 * Medusa customers by lower-cased e-mail, one per e-mail: the registered account when there are
 * both a guest and an account, else the oldest. Medusa stores e-mails as typed and its module
 * filters compare exactly, so the case-insensitive match is one read-only statement per batch.
 */
export async function findCustomersByEmail(knex: Knex, emails: string[]): Promise<Map<string, ExistingCustomer>> {
  if (!emails.length) {
    return new Map()
  }
  const { rows } = await knex.raw(
    `select distinct on (lower(c.email)) c.id, lower(c.email) as email, c.has_account, c.created_by, c.first_name, c.last_name,
            c.phone, c.metadata,
            exists(select 1 from customer_address a where a.customer_id = c.id and a.deleted_at is null) as has_address
     from customer c
     where lower(c.email) = any(?::text[]) and c.deleted_at is null
     order by lower(c.email), c.has_account desc, c.created_at, c.id`,
    [emails]
  )
  return new Map((rows as ExistingCustomer[]).map((c) => [c.email, c]))
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
