/**
 * Runs one bench file: `node --import tsx bench/lib/run-bench-file.ts bench/<name>.bench.ts`.
 * dev/run-bench.ts starts one such process per bench so peak RSS is per bench. The file
 * default-exports (or exports as `run`) a bench definition, or a function returning one.
 */
import path from "node:path"
import { runBench, type BenchDefinition } from "./harness"

type BenchModule = { default?: unknown; run?: unknown }

async function main() {
  const file = process.argv[2]
  if (!file) {
    throw new Error("usage: run-bench-file.ts bench/<name>.bench.ts")
  }
  const loaded = (await import(path.resolve(file))) as BenchModule
  const definition = await resolveDefinition(loaded.default ?? loaded.run)
  const progress = process.stderr.isTTY ? (text: string) => process.stderr.write(`… ${text}\n`) : undefined
  await runBench(definition, { progress })
}

async function resolveDefinition(exported: unknown): Promise<BenchDefinition> {
  // tsx may wrap a CommonJS default export once more.
  const unwrapped = (exported as { default?: unknown } | undefined)?.default ?? exported
  const value = typeof unwrapped === "function" ? await unwrapped() : unwrapped
  if (!value || typeof value !== "object" || !Array.isArray((value as BenchDefinition).cases)) {
    throw new Error("a bench file must default-export (or export as `run`) defineBench({...})")
  }
  return value as BenchDefinition
}

main().catch((e) => {
  process.stderr.write(`${e?.stack ?? e}\n`)
  process.exit(1)
})
