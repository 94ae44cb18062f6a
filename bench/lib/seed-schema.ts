/**
 * BENCH-ONLY staging tables in schema `retention_bench_seed`, standing in for the plugin's
 * read-model (customer facts) tables until those exist. They are created empty, loaded, and only
 * then given their primary key and indexes (building an index once is far cheaper than
 * maintaining it row by row during the load). All identifiers here are constants.
 */
import type { Client } from "@medusajs/framework/pg"
import { quoteIdentifier } from "../../dev/database"

export const SEED_SCHEMA = "retention_bench_seed"
export const CUSTOMER_TABLE = `${quoteIdentifier(SEED_SCHEMA)}.customer`
export const PURCHASE_LINE_TABLE = `${quoteIdentifier(SEED_SCHEMA)}.purchase_line`

/** Column order of the customer rows the generator produces. */
export const CUSTOMER_COLUMNS = [
  "id",
  "email",
  "case",
  "country_code",
  "city",
  "postal_code",
  "created_at",
  "marketing_consent",
  "metadata",
] as const

/** Column order of the purchase_line rows the generator produces. */
export const PURCHASE_LINE_COLUMNS = [
  "customer_id",
  "order_ref",
  "placed_at",
  "sku",
  "product_handle",
  "quantity",
  "unit_amount",
  "currency_code",
] as const

/** A column list for SQL, every name quoted ("case" is a reserved word). */
export function columnList(columns: readonly string[]): string {
  return columns.map(quoteIdentifier).join(", ")
}

/** Drops and recreates the staging schema with empty, index-free tables. */
export async function createSeedTables(client: Client): Promise<void> {
  await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(SEED_SCHEMA)} CASCADE`)
  await client.query(`CREATE SCHEMA ${quoteIdentifier(SEED_SCHEMA)}`)
  await client.query(`
    CREATE TABLE ${CUSTOMER_TABLE} (
      id text NOT NULL,
      email text NOT NULL,
      "case" text NOT NULL,
      country_code text NOT NULL,
      city text,
      postal_code text,
      created_at timestamptz NOT NULL,
      marketing_consent boolean NOT NULL,
      metadata jsonb NOT NULL
    )`)
  await client.query(`
    CREATE TABLE ${PURCHASE_LINE_TABLE} (
      customer_id text NOT NULL,
      order_ref text NOT NULL,
      placed_at timestamptz NOT NULL,
      sku text NOT NULL,
      product_handle text NOT NULL,
      quantity int NOT NULL,
      unit_amount numeric NOT NULL,
      currency_code text NOT NULL
    )`)
}

/** Adds the primary key and indexes once the rows are in, then refreshes planner statistics. */
export async function indexSeedTables(client: Client): Promise<void> {
  await client.query(`ALTER TABLE ${CUSTOMER_TABLE} ADD CONSTRAINT customer_pkey PRIMARY KEY (id)`)
  await client.query(`CREATE INDEX purchase_line_customer_placed_idx ON ${PURCHASE_LINE_TABLE} (customer_id, placed_at)`)
  await client.query(`CREATE INDEX purchase_line_sku_placed_idx ON ${PURCHASE_LINE_TABLE} (sku, placed_at)`)
  await client.query(`ANALYZE ${CUSTOMER_TABLE}`)
  await client.query(`ANALYZE ${PURCHASE_LINE_TABLE}`)
}
