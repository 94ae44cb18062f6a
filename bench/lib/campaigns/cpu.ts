/**
 * BENCH-ONLY. CPU time spent by this process and by other processes (the PostgreSQL backends, the
 * SendGrid fake) over a stretch of work, from process.cpuUsage() and /proc/<pid>/stat (Linux). On
 * a shared, loaded machine wall time stretches with the load; CPU seconds per 1000 e-mails stretch
 * much less, so they tell where the work is.
 */
import fs from "node:fs"

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const TICKS = 100

function procCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8")
    // Fields after the command name, which is parenthesised and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    return (Number(fields[11]) + Number(fields[12])) / TICKS
  } catch {
    return null
  }
}

export type CpuMeter = {
  /** Starts counting a process from now (backends that appear later). */
  watch(label: string, pid: number): void
  /** CPU seconds per label since it was first watched; "worker" is this process. */
  read(): Record<string, number>
}

export function cpuMeter(): CpuMeter {
  const self = process.cpuUsage()
  const others = new Map<number, { label: string; start: number }>()
  return {
    watch(label, pid) {
      if (others.has(pid)) return
      const start = procCpuSeconds(pid)
      if (start !== null) others.set(pid, { label, start })
    },
    read() {
      const used = process.cpuUsage(self)
      const out: Record<string, number> = { worker: (used.user + used.system) / 1e6 }
      for (const [pid, { label, start }] of others) {
        const now = procCpuSeconds(pid)
        if (now !== null) out[label] = (out[label] ?? 0) + now - start
      }
      return out
    },
  }
}
