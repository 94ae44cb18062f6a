/**
 * BENCH-ONLY. The loyalty-points module's shipped schema, read from its migration files: the SQL
 * strings of every `this.addSql(`...`)` in each migration's `up()`, files in filename order. The
 * bench creates its tables with exactly these statements, drops the indexes before the bulk load
 * and recreates them afterwards from the same statements, so it always measures the schema that
 * ships.
 */
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"

export const MIGRATIONS_DIR = path.resolve(__dirname, "..", "..", "..", "src", "modules", "loyalty-points", "migrations")

export type MigrationSql = {
  /** Every up() statement, in order. */
  statements: string[]
  /** The CREATE [UNIQUE] INDEX statements among them, with the index and table names. */
  indexes: { name: string; table: string; sql: string }[]
  /** A hash of all statements: a loaded bench schema is reused only when it matches. */
  hash: string
}

/** Reads the `up()` SQL of the module's migrations (files `Migration*.ts`, sorted by name). */
export function readMigrationSql(dir = MIGRATIONS_DIR): MigrationSql {
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^Migration.*\.ts$/.test(f))
    .sort()
  if (!files.length) {
    throw new Error(`no Migration*.ts in ${dir}`)
  }
  const statements = files.flatMap((file) => upStatements(fs.readFileSync(path.join(dir, file), "utf8"), file))
  const indexes = statements.flatMap((sql) => {
    const m = /^CREATE\s+(?:UNIQUE\s+)?INDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?"([^"]+)"\s+ON\s+"([^"]+)"/i.exec(sql)
    return m ? [{ name: m[1], table: m[2], sql }] : []
  })
  const hash = createHash("sha256").update(statements.join("\n")).digest("hex").slice(0, 16)
  return { statements, indexes, hash }
}

/** The template literals passed to `this.addSql` between `up()` and `down()`. */
function upStatements(source: string, file: string): string[] {
  const up = /async\s+up\s*\(\s*\)[^{]*\{([\s\S]*?)\n\s*\}\s*\n\s*(?:override\s+)?async\s+down/.exec(source)
  if (!up) {
    throw new Error(`${file}: no up() found`)
  }
  const statements: string[] = []
  for (const m of up[1].matchAll(/this\.addSql\(\s*`((?:[^`\\]|\\.)*)`\s*\)/g)) {
    if (m[1].includes("${")) {
      throw new Error(`${file}: addSql with an interpolated template is not supported`)
    }
    statements.push(m[1].replace(/\\`/g, "`").replace(/\\\\/g, "\\"))
  }
  if (!statements.length) {
    throw new Error(`${file}: up() has no this.addSql(\`...\`)`)
  }
  return statements
}
