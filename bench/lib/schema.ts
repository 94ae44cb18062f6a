/**
 * BENCH-ONLY. What the benches that load a schema of their own share: a client on the schema,
 * dropping the loaded tables' keys and indexes before a bulk load and rebuilding them after, and a
 * fingerprint of the schema's definition (to tell whether a loaded schema still matches the
 * migrations), reading the marker a finished load leaves.
 */
import { Client } from "@medusajs/framework/pg"
import { quoteIdentifier } from "../../dev/database"

/** A connected client whose search_path is `schema`. */
export async function connect(url: string, schema: string, applicationName: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: applicationName })
  await client.connect()
  await client.query(`SET search_path TO ${quoteIdentifier(schema)}`)
  return client
}

/** The pid of the client's backend (for RSS sampling). */
export async function backendPid(client: Client): Promise<number> {
  return (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0].pid
}

export type Keys = {
  constraints: { table: string; name: string; definition: string }[]
  /** Each index with the SQL that recreates it: the migrations' last CREATE INDEX of that name. */
  indexes: { table: string; name: string; sql: string }[]
}

/**
 * Drops the primary keys, unique constraints and indexes of `tables` (of the client's search_path
 * schema `schema`); returns how to recreate them, each index by `migrationIndexes`' SQL of its name.
 */
export async function dropKeysAndIndexes(
  client: Client,
  schema: string,
  tables: readonly string[],
  migrationIndexes: { name: string; sql: string }[]
): Promise<Keys> {
  const { rows: constraints } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT c.relname AS table, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
     WHERE c.relnamespace = $1::regnamespace AND c.relname = ANY($2) AND k.contype IN ('p', 'u')
     ORDER BY c.relname, k.conname`,
    [schema, tables]
  )
  const { rows: indexes } = await client.query<{ table: string; name: string; definition: string }>(
    `SELECT tablename AS table, indexname AS name, indexdef AS definition FROM pg_indexes
     WHERE schemaname = $1 AND tablename = ANY($2) AND indexname <> ALL($3) ORDER BY tablename, indexname`,
    [schema, tables, constraints.map((c) => c.name)]
  )
  const fromMigration = new Map(migrationIndexes.map((i) => [i.name, i.sql])) // the last CREATE of a name wins
  for (const c of constraints) {
    await client.query(`ALTER TABLE ${quoteIdentifier(c.table)} DROP CONSTRAINT ${quoteIdentifier(c.name)}`)
  }
  for (const i of indexes) {
    await client.query(`DROP INDEX ${quoteIdentifier(i.name)}`)
  }
  return {
    constraints,
    indexes: indexes.map((i) => ({ table: i.table, name: i.name, sql: fromMigration.get(i.name) ?? i.definition })),
  }
}

/** Index builds running at once: PostgreSQL parallelises each build's scan and sort, not its final merge. */
const INDEX_BUILDERS = 2

/**
 * Puts the constraints and indexes back: the statements are interleaved by table (in `tableOrder`,
 * largest table first) and run by INDEX_BUILDERS connections named `applicationName`, so builds of
 * different tables overlap. `onBackend` is told each connection's backend pid.
 */
export async function rebuildKeys(
  url: string,
  schema: string,
  keys: Keys,
  options: { tableOrder: readonly string[]; applicationName: string; onBackend?: (pid: number) => void }
): Promise<void> {
  const byTable = new Map<string, string[]>()
  const add = (table: string, sql: string) => byTable.set(table, [...(byTable.get(table) ?? []), sql])
  for (const c of keys.constraints) {
    add(c.table, `ALTER TABLE ${quoteIdentifier(c.table)} ADD CONSTRAINT ${quoteIdentifier(c.name)} ${c.definition}`)
  }
  for (const i of keys.indexes) {
    add(i.table, i.sql)
  }
  const order = options.tableOrder
  const lists = [...byTable.entries()].sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0])).map(([, sql]) => sql)
  const queue: string[] = []
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      if (i < list.length) queue.push(list[i])
    }
  }
  const builder = async () => {
    const client = await connect(url, schema, options.applicationName)
    try {
      options.onBackend?.(await backendPid(client))
      await client.query("SET maintenance_work_mem = '1GB'")
      for (let sql = queue.shift(); sql !== undefined; sql = queue.shift()) {
        await client.query(sql)
      }
    } finally {
      await client.end()
    }
  }
  await Promise.all(Array.from({ length: INDEX_BUILDERS }, builder))
}

/**
 * The definition of a schema's tables (columns, constraints, indexes), schema names stripped, as
 * sorted lines; only `tables` when given. The bench's marker table `markerTable` is left out.
 */
export async function schemaFingerprint(client: Client, schema: string, markerTable: string, tables?: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ line: string }>(
    `SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
              || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END
              || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') AS line
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE c.relnamespace = $1::text::regnamespace AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
     UNION ALL
     SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid WHERE c.relnamespace = $1::text::regnamespace
     UNION ALL
     SELECT 'index ' || tablename || '.' || indexname || ' ' || replace(indexdef, quote_ident($1::text) || '.', '')
     FROM pg_indexes WHERE schemaname = $1::text`,
    [schema]
  )
  const table = (line: string) => /^\S+ ([^.\s]+)\./.exec(line)?.[1] ?? ""
  return rows
    .map((r) => r.line)
    .filter((line) => table(line) !== markerTable && (!tables || tables.includes(table(line))))
    .sort()
}

/**
 * The row of the bench's marker table `markerTable` in `schema` (the client's search_path), which a
 * load writes last; null when there is none (no load, or one that did not finish).
 */
export async function readMarker<Row extends object>(client: Client, schema: string, markerTable: string): Promise<Row | null> {
  const { rows } = await client.query<{ exists: boolean }>("SELECT to_regclass($1) IS NOT NULL AS exists", [`${quoteIdentifier(schema)}.${markerTable}`])
  if (!rows[0].exists) {
    return null
  }
  const marker = await client.query<Row>(`SELECT * FROM ${markerTable} LIMIT 1`)
  return marker.rows[0] ?? null
}
