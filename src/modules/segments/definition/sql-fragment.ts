/**
 * A piece of SQL with its positional bindings. Fragments are only ever joined, so a binding stays
 * beside its `?`; text comes from constants in the compiler, values only through `value()`.
 */
export type Fragment = { sql: string; bindings: unknown[] }

export const raw = (sql: string): Fragment => ({ sql, bindings: [] })

export const value = (v: unknown, cast?: string): Fragment => ({ sql: cast ? `?::${cast}` : "?", bindings: [v] })

/** `sql\`a ${f1} b ${f2}\``: concatenates text and fragments in order. */
export function sql(strings: TemplateStringsArray, ...parts: Fragment[]): Fragment {
  let text = strings[0]
  const bindings: unknown[] = []
  parts.forEach((part, i) => {
    text += part.sql + strings[i + 1]
    bindings.push(...part.bindings)
  })
  return { sql: text, bindings }
}

export function join(parts: Fragment[], separator: string): Fragment {
  return { sql: parts.map((p) => p.sql).join(separator), bindings: parts.flatMap((p) => p.bindings) }
}
