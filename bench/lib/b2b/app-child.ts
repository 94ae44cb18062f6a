/**
 * BENCH-ONLY: starts bench/lib/b2b/app-process.ts as a child process and sends it commands; its
 * pid is what a case watches for peak RSS.
 */
import { fork, type ChildProcess } from "node:child_process"
import path from "node:path"
import { pathToFileURL } from "node:url"
import type { AppCommand } from "./app-process"

const SCRIPT = path.join(__dirname, "app-process.ts")
const TSX_LOADER = pathToFileURL(require.resolve("tsx")).href

export type AppChild = {
  pid: number
  port: number
  /** RSS when the app was ready (booted, idle). */
  readyRss: number
  send<T>(command: AppCommand): Promise<T>
  stop(): Promise<void>
}

/** Forks the app process with `env` (the database) and resolves once it serves HTTP. */
export function startAppChild(env: Record<string, string>): Promise<AppChild> {
  const child: ChildProcess = fork(SCRIPT, [], {
    // --expose-gc: the import case measures its live heap after a full GC.
    execArgv: ["--expose-gc", "--import", TSX_LOADER],
    env: { ...process.env, ...env, MEDUSA_WORKER_MODE: "shared", MEDUSA_ADMIN_DISABLE: "true", LOG_LEVEL: process.env.LOG_LEVEL ?? "error" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  })
  let next = 1
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => {
      reject(new Error(`the bench app process exited (${code}) before it was ready`))
      for (const w of waiting.values()) w.reject(new Error(`the bench app process exited (${code})`))
    })
    child.on("message", (m: { ready?: boolean; port?: number; rss?: number; id?: number; result?: unknown; error?: string }) => {
      if (m.ready) {
        resolve({
          pid: child.pid!,
          port: m.port!,
          readyRss: m.rss!,
          send<T>(command: AppCommand) {
            const id = next++
            return new Promise<T>((res, rej) => {
              waiting.set(id, { resolve: res as (v: unknown) => void, reject: rej })
              child.send({ ...command, id })
            })
          },
          stop: () =>
            new Promise<void>((res) => {
              if (child.exitCode !== null) return res()
              const timer = setTimeout(() => child.kill("SIGKILL"), 20_000)
              child.once("exit", () => {
                clearTimeout(timer)
                res()
              })
              child.disconnect()
            }),
        })
        return
      }
      const w = waiting.get(m.id!)
      if (w) {
        waiting.delete(m.id!)
        if (m.error) w.reject(new Error(m.error))
        else w.resolve(m.result)
      }
    })
  })
}
