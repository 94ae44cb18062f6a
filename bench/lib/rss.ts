/**
 * Peak resident memory while a benchmark case runs: this process's RSS sampled on an interval,
 * plus, on request, other processes read from /proc (e.g. the PostgreSQL backend serving the
 * case's connection, found with `SELECT pg_backend_pid()`). Other processes can only be watched
 * when they run on this machine under Linux; otherwise their peak is null. A backend's RSS counts
 * the shared buffers it touched, so its private part (RssAnon: sort and index-build memory) is
 * kept too. VmHWM, read as well, is a process's peak since it started: watch a fresh process
 * (a new connection) per case.
 */
import fs from "node:fs"

export type WatchedPeak = { pid: number; peakRssBytes: number | null; peakRssAnonBytes: number | null }

export type RssPeaks = { peakRssBytes: number; watched: WatchedPeak[] }

/** Samples RSS every `intervalMs` from construction until `stop()`. */
export class RssSampler {
  private peak = process.memoryUsage.rss()
  private readonly watched = new Map<number, WatchedPeak>()
  private readonly timer: NodeJS.Timeout

  constructor(intervalMs = 20) {
    this.timer = setInterval(() => this.sample(), intervalMs)
    this.timer.unref()
  }

  /** Adds a process (by pid) whose RSS is sampled too. */
  watch(pid: number): void {
    if (!this.watched.has(pid)) {
      this.watched.set(pid, { pid, peakRssBytes: null, peakRssAnonBytes: null })
      this.sampleWatched()
    }
  }

  /** Takes a last sample, stops sampling and returns the peaks. */
  stop(): RssPeaks {
    this.sample()
    clearInterval(this.timer)
    return { peakRssBytes: this.peak, watched: [...this.watched.values()] }
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss())
    this.sampleWatched()
  }

  private sampleWatched(): void {
    for (const entry of this.watched.values()) {
      const status = readStatus(entry.pid)
      if (!status) {
        continue
      }
      // VmHWM is the kernel's own high-water mark of VmRSS, so peaks between samples count too.
      const rss = Math.max(status.VmRSS ?? 0, status.VmHWM ?? 0)
      entry.peakRssBytes = Math.max(entry.peakRssBytes ?? 0, rss)
      if (status.RssAnon !== undefined) {
        entry.peakRssAnonBytes = Math.max(entry.peakRssAnonBytes ?? 0, status.RssAnon)
      }
    }
  }
}

function readStatus(pid: number): Record<string, number> | null {
  let text: string
  try {
    text = fs.readFileSync(`/proc/${pid}/status`, "utf8")
  } catch {
    return null
  }
  const fields: Record<string, number> = {}
  for (const match of text.matchAll(/^(VmRSS|VmHWM|RssAnon):\s+(\d+) kB$/gm)) {
    fields[match[1]] = Number(match[2]) * 1024
  }
  return fields
}
