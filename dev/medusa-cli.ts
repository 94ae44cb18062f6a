import { spawn } from "node:child_process"
import { ensureDatabase, medusaEnv, type FoundDatabase } from "./database"

export const DEMO_DATABASE = process.env.RETENTION_DEMO_DB || "retention_demo"

/** Runs the Medusa CLI of this project with extra environment; rejects on a non-zero exit. */
export function medusaCli(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve("@medusajs/cli/cli.js"), ...args], {
      env: { ...process.env, ...env },
      stdio: "inherit",
    })
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`medusa ${args[0]} failed (${signal ?? `exit ${code}`})`))
    )
  })
}

/** Creates the database if needed and applies every migration (Medusa's and the plugin's). */
export async function prepareDemoDatabase(found: FoundDatabase, database: string): Promise<Record<string, string>> {
  await ensureDatabase(found, database)
  const env = medusaEnv(found, database)
  await medusaCli(["db:migrate"], env)
  return env
}

/** `--case x --customers 5` → `case=x customers=5`: `medusa exec` passes only positional arguments. */
export function toExecArgs(argv: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a.startsWith("--") && a.includes("=")) {
      out.push(a.slice(2))
    } else if (a.startsWith("--") && argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) {
      out.push(`${a.slice(2)}=${argv[++i]}`)
    } else {
      out.push(a.replace(/^--/, ""))
    }
  }
  return out
}
