import type { Context } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * The knex of a module method's shared context: the open transaction when there is one, else the
 * manager's connection. For modules whose set-based SQL has no ORM equivalent.
 */
export function contextKnex(sharedContext: Context): Knex {
  const manager = (sharedContext.transactionManager ?? sharedContext.manager) as {
    getTransactionContext?: () => Knex | undefined
    getKnex: () => Knex
  }
  return manager.getTransactionContext?.() ?? manager.getKnex()
}

/** The knex of the open transaction; throws outside one (a FOR UPDATE there would release at once). */
export function transactionKnex(sharedContext: Context): Knex {
  const knex = (sharedContext.transactionManager as { getTransactionContext?: () => Knex | undefined } | undefined)?.getTransactionContext?.()
  if (!knex) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, "This change must run inside a transaction")
  }
  return knex
}

/**
 * Bindings for `knex.raw`. Arrays with nulls (bound as PostgreSQL arrays for `unnest`) are valid
 * pg parameters that knex's types do not list.
 */
export function sqlBindings(...values: unknown[]): Knex.RawBinding[] {
  return values as Knex.RawBinding[]
}
