/**
 * BENCH-ONLY. The modules a campaign's send resolves, loaded for real through the framework's
 * module loader (`MedusaApp`), as the segments and reminders benches do (bench/lib/segments/module.ts,
 * bench/lib/reminders/module.ts): the plugin's email-campaigns, messaging, customer-facts and
 * loyalty-points modules and Medusa's Product module, all on one shared knex connection whose
 * search_path is the bench schema. The email-campaigns module gets the options a store would pass
 * (`campaigns.sendgridApiKey`, `sendgridBaseUrl` pointing at the local fake). A container holding
 * them and a quiet logger is what `sendCampaignBatches` resolves from (the Locking module only
 * guards `sendEmailCampaign`, which the bench does not call). Nothing is mocked but the event bus
 * and the logger.
 */
import { asValue } from "@medusajs/framework/awilix"
import type { IProductModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, createMedusaContainer, Modules } from "@medusajs/framework/utils"
import { CUSTOMER_FACTS_MODULE } from "../../../src/modules/customer-facts"
import type CustomerFactsModuleService from "../../../src/modules/customer-facts/service"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../src/modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../src/modules/email-campaigns/service"
import { LOYALTY_POINTS_MODULE } from "../../../src/modules/loyalty-points"
import type LoyaltyPointsModuleService from "../../../src/modules/loyalty-points/service"
import { MESSAGING_MODULE } from "../../../src/modules/messaging"
import type MessagingModuleService from "../../../src/modules/messaging/service"
import { bootModules, pluginModule, quietLogger, sharedDatabaseOptions } from "../module-loader"

/** Set on the services' connections, so the bench can find their backends in pg_stat_activity. */
export const SERVICE_APPLICATION_NAME = "retention_bench_campaigns_service"

export type LoadedModules = {
  campaigns: EmailCampaignsModuleService
  messaging: MessagingModuleService
  facts: CustomerFactsModuleService
  loyalty: LoyaltyPointsModuleService
  product: IProductModuleService
  /** What `sendCampaignBatches` resolves its modules and logger from. */
  container: MedusaContainer
  /** The backends of the services' pool that exist now (for RSS sampling). */
  backendPids(): Promise<number[]>
  shutdown(): Promise<void>
}

/** Where the campaigns send: the fake's URL and the key it accepts. */
export type SendgridTarget = { baseUrl: string; apiKey: string }

function modulesConfig(clientUrl: string, schema: string, sendgrid: SendgridTarget) {
  const database = sharedDatabaseOptions(clientUrl, schema)
  return {
    [Modules.PRODUCT]: { resolve: "@medusajs/medusa/product", options: database },
    [CUSTOMER_FACTS_MODULE]: pluginModule("customer-facts", database),
    [LOYALTY_POINTS_MODULE]: pluginModule("loyalty-points", database),
    [MESSAGING_MODULE]: pluginModule("messaging", database),
    [EMAIL_CAMPAIGNS_MODULE]: pluginModule("email-campaigns", {
      ...database,
      campaigns: { sendgridApiKey: sendgrid.apiKey, sendgridBaseUrl: sendgrid.baseUrl, publicUrl: "https://shop.example" },
    }),
  }
}

/** Loads every module against `schema` of the database at `url`, the campaigns pointed at `sendgrid`. */
export async function loadModules(url: string, schema: string, sendgrid: SendgridTarget): Promise<LoadedModules> {
  const booted = await bootModules({
    url,
    schema,
    applicationName: SERVICE_APPLICATION_NAME,
    modulesConfig: (clientUrl, schema) => modulesConfig(clientUrl, schema, sendgrid),
    sharedResources: true,
  })
  const { app } = booted
  const campaigns = app.modules[EMAIL_CAMPAIGNS_MODULE] as unknown as EmailCampaignsModuleService
  const messaging = app.modules[MESSAGING_MODULE] as unknown as MessagingModuleService
  const facts = app.modules[CUSTOMER_FACTS_MODULE] as unknown as CustomerFactsModuleService
  const loyalty = app.modules[LOYALTY_POINTS_MODULE] as unknown as LoyaltyPointsModuleService
  const product = app.modules[Modules.PRODUCT] as unknown as IProductModuleService
  if (typeof campaigns?.snapshotAudience !== "function" || typeof messaging?.reserveMessages !== "function" || typeof product?.createProducts !== "function") {
    throw new Error("the module loader did not return the email-campaigns, messaging and product services")
  }
  const container = createMedusaContainer()
  container.register({
    [EMAIL_CAMPAIGNS_MODULE]: asValue(campaigns),
    [MESSAGING_MODULE]: asValue(messaging),
    [CUSTOMER_FACTS_MODULE]: asValue(facts),
    [LOYALTY_POINTS_MODULE]: asValue(loyalty),
    [Modules.PRODUCT]: asValue(product),
    [ContainerRegistrationKeys.LOGGER]: asValue(quietLogger),
  })
  return {
    campaigns,
    messaging,
    facts,
    loyalty,
    product,
    container,
    backendPids: booted.backendPids,
    shutdown: booted.shutdown,
  }
}
