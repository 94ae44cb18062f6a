/**
 * A DML bigNumber column written with raw SQL: the numeric value and its `raw_<name>` JSON twin,
 * which Medusa reads back to keep the full precision.
 */
export function bigNumberColumns(name: string, value: string | number | null): Record<string, unknown> {
  return {
    [name]: value === null ? null : String(value),
    [`raw_${name}`]: value === null ? null : JSON.stringify({ value: String(value), precision: 20 }),
  }
}

/** SQL for the `raw_<name>` twin of a numeric expression computed in the database. */
export function rawBigNumberSql(expression: string): string {
  return `case when (${expression}) is null then null else jsonb_build_object('value', (${expression})::text, 'precision', 20) end`
}
