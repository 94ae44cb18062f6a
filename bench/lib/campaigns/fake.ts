/**
 * BENCH-ONLY. Starts the SendGrid fake in a separate process (bench/lib/campaigns/fake-process.ts
 * under tsx) and talks to it over IPC: its URL, a summary of what it delivered, membership checks
 * and resets. Its peak RSS is read from /proc (VmHWM), so the worker's RSS is the worker's alone.
 */
import { spawn, type ChildProcess } from "node:child_process"
import fs from "node:fs"
import path from "node:path"
import { pathToFileURL } from "node:url"

const ENTRY = path.join(__dirname, "fake-process.ts")

export type FakeSummary = {
  stats: { requests: number; accepted: number; rejected: number; throttled: number; failed: number }
  /** Distinct recipient ids it delivered to. */
  recipients: number
  /** Personalizations accepted, summed over the recipients. */
  deliveries: number
  /** Recipient ids delivered to more than once. */
  duplicated: number
  /** md5 of the sorted recipient ids joined by commas. */
  md5: string
}

export type FakeProcess = {
  url: string
  pid: number
  apiKey: string
  summary(): Promise<FakeSummary>
  /** How many of `ids` it delivered to; sent in chunks. */
  countDelivered(ids: string[]): Promise<number>
  reset(): Promise<void>
  /** Peak RSS of the fake since it started (VmHWM), or null off Linux. */
  peakRssBytes(): number | null
  stop(): Promise<void>
}

/** Spawns the fake and waits for its URL. */
export async function startFakeProcess(apiKey: string): Promise<FakeProcess> {
  const tsx = pathToFileURL(require.resolve("tsx")).href
  const child: ChildProcess = spawn(process.execPath, ["--import", tsx, ENTRY], {
    env: { ...process.env, BENCH_FAKE_SENDGRID_API_KEY: apiKey },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  })
  let next = 1
  const waiting = new Map<number, (body: unknown) => void>()
  const ready = new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the SendGrid fake exited (${code}) before it listened`)))
    child.on("message", (message: { id: number; url?: string } & Record<string, unknown>) => {
      if (message.id === 0 && message.url) resolve(message.url)
      waiting.get(message.id)?.(message)
      waiting.delete(message.id)
    })
  })
  const url = await ready
  child.removeAllListeners("exit")
  const ask = <T>(request: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      const id = next++
      waiting.set(id, (body) => resolve(body as T))
      child.send({ id, ...request }, (error) => error && reject(error))
    })
  return {
    url,
    pid: child.pid!,
    apiKey,
    summary: () => ask<FakeSummary>({ type: "summary" }),
    async countDelivered(ids) {
      let delivered = 0
      for (let i = 0; i < ids.length; i += 50_000) {
        delivered += (await ask<{ delivered: number }>({ type: "count", ids: ids.slice(i, i + 50_000) })).delivered
      }
      return delivered
    },
    reset: async () => {
      await ask({ type: "reset" })
    },
    peakRssBytes() {
      try {
        const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))
        return match ? Number(match[1]) * 1024 : null
      } catch {
        return null
      }
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once("exit", () => resolve())
        child.disconnect()
      }),
  }
}
