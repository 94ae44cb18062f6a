import { DEMO_CASES, type DemoCase } from "./catalog"
import { DEFAULT_CUSTOMERS } from "./plan"

export type SeedOptions = {
  cases: DemoCase[]
  /** Customers per case; undefined → each case's default size. */
  customers?: number
  seed: number
  anchor: Date
  /** Emit order.placed for every historical order (the plugin's backfills run either way). */
  emitEvents?: boolean
  /**
   * Also set up the demo's reminder rule, automations, upgrade paths, co-purchases, propensity
   * model and B2B company (src/scripts/demo-data/retention-setup.ts). The demo and `npm run seed`
   * do; tests that seed a store to build their own rules on leave it out.
   */
  retentionSetup?: boolean
}

export const DEFAULT_SEED = 20261123

/**
 * Parses `--case pharmacy|software|electronics|all --customers N --seed S --anchor YYYY-MM-DD`. Each flag may also be written `--case=x` or `case=x`: `medusa exec` passes
 * only positional arguments to a script, so `npm run seed` forwards them in that form.
 */
export function parseSeedArgs(args: string[], today = new Date()): SeedOptions {
  const value = (flag: string) => {
    const bare = flag.replace(/^--/, "")
    const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`) || a.startsWith(`${bare}=`))
    if (i < 0) return undefined
    return args[i].includes("=") ? args[i].slice(args[i].indexOf("=") + 1) : args[i + 1]
  }
  const caseArg = value("--case") ?? "all"
  if (caseArg !== "all" && !DEMO_CASES.includes(caseArg as DemoCase)) {
    throw new Error(`--case must be one of ${[...DEMO_CASES, "all"].join(", ")}; got "${caseArg}"`)
  }
  const positive = (flag: string, raw: string | undefined) => {
    if (raw === undefined) return undefined
    const n = Number(raw)
    if (!Number.isInteger(n) || n < 0) {
      throw new Error(`${flag} must be a non-negative integer; got "${raw}"`)
    }
    return n
  }
  const anchorArg = value("--anchor")
  const anchor = anchorArg
    ? new Date(`${anchorArg}T00:00:00Z`)
    : new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()))
  if (Number.isNaN(anchor.getTime())) {
    throw new Error(`--anchor must be a date YYYY-MM-DD; got "${anchorArg}"`)
  }
  return {
    cases: caseArg === "all" ? [...DEMO_CASES] : [caseArg as DemoCase],
    customers: positive("--customers", value("--customers")),
    seed: positive("--seed", value("--seed")) ?? DEFAULT_SEED,
    anchor,
    emitEvents: args.some((a) => a === "--emit-events" || a === "emit-events"),
    retentionSetup: true,
  }
}

export function customersFor(options: SeedOptions, demoCase: DemoCase): number {
  return options.customers ?? DEFAULT_CUSTOMERS[demoCase]
}
