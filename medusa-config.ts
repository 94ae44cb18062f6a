import fs from "node:fs"
import path from "node:path"
import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The development and demo store. It loads the plugin from this source tree: every module under
 * src/modules is registered with the same options a merchant passes in
 * `plugins: [{ resolve: "medusa-plugin-retention", options }]` (Medusa hands a plugin's options to
 * each of its modules), and Medusa itself loads src/api, src/subscribers, src/jobs, src/workflows,
 * src/links and src/admin of the project.
 */
const retentionOptions: Record<string, unknown> = {}

const modulesDir = path.join(__dirname, "src", "modules")
const pluginModules = fs.existsSync(modulesDir)
  ? fs
      .readdirSync(modulesDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(modulesDir, entry.name, "index.ts")))
      .map((entry) => ({ resolve: `./src/modules/${entry.name}`, options: retentionOptions }))
  : []

const redisUrl = process.env.REDIS_URL

// No e-mail leaves a development machine: e-mails (points expiring...) are logged by Medusa's local
// provider until the campaigns' mailer is configured.
const notificationModule = {
  key: Modules.NOTIFICATION,
  resolve: "@medusajs/medusa/notification",
  options: {
    providers: [
      { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local feed", channels: ["feed"] } },
      { resolve: "@medusajs/medusa/notification-local", id: "local-email", options: { name: "Local e-mail log", channels: ["email"] } },
    ],
  },
}

const redisModules = redisUrl
  ? [
      { key: Modules.EVENT_BUS, resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
      {
        key: Modules.CACHING,
        resolve: "@medusajs/medusa/caching",
        options: {
          providers: [
            { resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } },
          ],
        },
      },
    ]
  : []

// Opt-in: Medusa's own loyalty plugin (gift cards, store credit) beside ours, as merchants run them;
// its modules are `loyalty` and `store-credit`, ours is `loyaltyPoints`, so both load side by side.
const plugins =
  process.env.RETENTION_WITH_MEDUSA_LOYALTY === "true" ? [{ resolve: "@medusajs/loyalty-plugin", options: {} }] : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server") || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
  },
  plugins,
  modules: [...pluginModules, notificationModule, ...redisModules],
})
