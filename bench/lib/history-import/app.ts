/**
 * BENCH-ONLY: a Medusa app loaded in the bench process (as `medusa exec` loads one: modules,
 * workflows, subscribers, no HTTP server) on its own database, migrated with the Medusa CLI and
 * given the demo's software catalogue, so the import runs its real workflow against real modules.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { Client } from "@medusajs/framework/pg"
import loaders, { initializeContainer } from "@medusajs/medusa/loaders/index"
import express from "express"
import { medusaCli } from "../../../dev/medusa-cli"

export type BenchApp = { container: MedusaContainer; shutdown: () => Promise<void> }

const ROOT = `${__dirname}/../../..`

/** The bench server's URL for another database. */
function databaseUrl(benchUrl: string, database: string): string {
  const url = new URL(benchUrl)
  url.pathname = `/${database}`
  return url.toString()
}

function envFor(url: string): Record<string, string> {
  const parsed = new URL(url)
  return {
    DATABASE_URL: url,
    DB_HOST: parsed.hostname === "127.0.0.1" ? "localhost" : parsed.hostname,
    DB_PORT: parsed.port || "5432",
    DB_USERNAME: decodeURIComponent(parsed.username) || "postgres",
    DB_PASSWORD: decodeURIComponent(parsed.password),
    DB_NAME: parsed.pathname.slice(1),
  }
}

/** Creates (unless there) and migrates the database, then loads the app in this process. */
export async function startBenchApp(benchUrl: string, database: string): Promise<BenchApp> {
  const url = databaseUrl(benchUrl, database)
  const admin = new Client({ connectionString: databaseUrl(benchUrl, "postgres") })
  await admin.connect()
  try {
    const { rowCount } = await admin.query("select 1 from pg_database where datname = $1", [database])
    if (!rowCount) {
      // Identifiers cannot be bound; the name is a constant of this bench.
      await admin.query(`create database "${database.replace(/"/g, '""')}"`)
    }
  } finally {
    await admin.end()
  }
  const env = envFor(url)
  await medusaCli(["db:migrate"], env)
  Object.assign(process.env, env, { MEDUSA_WORKER_MODE: "shared", MEDUSA_ADMIN_DISABLE: "true", LOG_LEVEL: process.env.LOG_LEVEL ?? "error" })
  await initializeContainer(ROOT, { skipDbConnection: true })
  const { container, shutdown } = await loaders({ directory: ROOT, expressApp: express(), skipLoadingEntryPoints: true })
  return { container, shutdown }
}
