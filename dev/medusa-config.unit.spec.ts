import path from "node:path"

const CONFIG = path.resolve(__dirname, "..", "medusa-config.ts")

function loadConfig(env: Record<string, string | undefined>) {
  const saved = { ...process.env }
  Object.assign(process.env, env)
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k]
  }
  try {
    let config: any
    jest.isolateModules(() => {
      config = require(CONFIG)
    })
    return config
  } finally {
    process.env = saved
  }
}

describe("the demo store's medusa-config", () => {
  it("uses Medusa's in-process defaults without REDIS_URL", () => {
    const config = loadConfig({ REDIS_URL: undefined })
    const resolves = Object.values(config.modules ?? {}).map((m: any) => m.resolve)
    expect(resolves.filter((r: string) => /redis/.test(r))).toEqual([])
    expect(config.projectConfig.redisUrl).toBeUndefined()
  })

  it("switches event bus, workflow engine, locking and caching to Redis when REDIS_URL is set", () => {
    const redisUrl = "redis://127.0.0.1:6379"
    const config = loadConfig({ REDIS_URL: redisUrl })
    expect(config.projectConfig.redisUrl).toBe(redisUrl)
    const modules = config.modules as Record<string, any>
    expect(modules.event_bus.resolve).toBe("@medusajs/medusa/event-bus-redis")
    expect(modules.workflows.resolve).toBe("@medusajs/medusa/workflow-engine-redis")
    expect(modules.locking.options.providers[0].resolve).toBe("@medusajs/medusa/locking-redis")
    expect(modules.caching.options.providers[0].resolve).toBe("@medusajs/medusa/caching-redis")
  })
})
