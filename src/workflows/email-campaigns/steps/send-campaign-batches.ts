import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { randomUUID } from "node:crypto"
import { setTimeout as sleep } from "node:timers/promises"
import { classifySendError, createSendgridMailer } from "../../../lib/sendgrid"
import { EMAIL_CAMPAIGNS_MODULE } from "../../../modules/email-campaigns"
import type EmailCampaignsModuleService from "../../../modules/email-campaigns/service"
import type { RecipientRow } from "../../../modules/email-campaigns/types"
import { prepareTemplate, type PreparedTemplate } from "../../../modules/email-campaigns/utils/render"
import { MESSAGING_MODULE } from "../../../modules/messaging"
import type MessagingModuleService from "../../../modules/messaging/service"
import { personalize, popularProducts, recipientContext, tierNames } from "../campaign-personalization"

export type SendCampaignResult = { batches: number; sent: number; failed: number; suppressed: number; unknown: number; throttled: number; status: string }

const BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 16000]

/**
 * Sends a campaign's pending recipients, batch by batch, until none is left or the campaign is
 * paused or cancelled. Each batch: claimed (`sending`, skip locked), reserved in the message
 * ledger under the global frequency cap (capped ones are `suppressed`), then one SendGrid request
 * of up to 1000 personalizations in the batch's language. 202 → sent; 429 → wait for
 * X-RateLimit-Reset / Retry-After and send again; 5xx → retry with backoff, then back to pending;
 * other 4xx → failed with SendGrid's reason; a connection lost after the request went out leaves
 * the batch `sending` for recovery, which counts SendGrid's events before ever sending again.
 * Stale batches of a crashed sender are recovered first; `sendConcurrency` batches are in flight at
 * once. Nothing to compensate: each transition is final.
 */
export async function sendCampaignBatches(
  container: MedusaContainer,
  input: { campaign_id: string; max_batches?: number; batch_size?: number; concurrency?: number }
): Promise<SendCampaignResult> {
  const campaigns = container.resolve<EmailCampaignsModuleService>(EMAIL_CAMPAIGNS_MODULE)
  const messaging = container.resolve<MessagingModuleService>(MESSAGING_MODULE)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const options = campaigns.getCampaignOptions()
  const result: SendCampaignResult = { batches: 0, sent: 0, failed: 0, suppressed: 0, unknown: 0, throttled: 0, status: "sending" }
  if (!options.sendgridApiKey) {
    throw new Error("email campaigns need a SendGrid API key (options.campaigns.sendgridApiKey or SENDGRID_API_KEY)")
  }
  const mail = createSendgridMailer({ apiKey: options.sendgridApiKey, baseUrl: options.sendgridBaseUrl })
  await campaigns.recoverStaleBatches({ campaign_id: input.campaign_id })
  const [campaign] = await campaigns.listEmailCampaigns({ id: input.campaign_id })
  const templates = new Map<string, PreparedTemplate>(
    (await campaigns.listEmailCampaignTemplates({ campaign_id: input.campaign_id })).map((t) => [t.language, prepareTemplate(t)])
  )
  const popular = await popularProducts(container, { campaign_id: input.campaign_id })
  const tiers = await tierNames(container)
  const utm = campaign.utm as Record<string, string> | null

  /** Sends one claimed batch; returns why sending must stop, if it must. */
  const sendBatch = async (batch_id: string, recipients: RecipientRow[]): Promise<string | null> => {
    const reserved = await messaging.reserveMessages({
      kind: "campaign",
      messages: recipients.map((r) => ({ customer_id: r.customer_id, source_id: r.id, idempotency_key: `campaign:${r.id}`, to: r.email })),
    })
    const capped = recipients.filter((r) => reserved.get(`campaign:${r.id}`)?.status === "suppressed")
    if (capped.length) {
      await campaigns.settleBatch({ batch_id, status: "suppressed", recipient_ids: capped.map((r) => r.id), reason: "frequency_cap" })
      result.suppressed += capped.length
    }
    const sendable = recipients.filter((r) => !capped.includes(r))
    if (!sendable.length) return null
    const sendableIds = sendable.map((r) => r.id)
    const template = templates.get(sendable[0].language) ?? templates.get(campaign.default_language)
    if (!template) {
      await campaigns.settleBatch({ batch_id, status: "failed", recipient_ids: sendableIds, reason: `no template for language ${sendable[0].language}` })
      result.failed += sendable.length
      return null
    }
    const contextOf = await recipientContext(container, sendable.map((r) => r.customer_id), popular, tiers)
    const personalizations = sendable.map((r) => {
      const { substitutions, links } = personalize({ recipient: r, template, utm, context: contextOf(r.customer_id), publicUrl: options.publicUrl, linkDays: options.linkDays })
      return {
        to: [{ email: r.email, ...(r.first_name ? { name: r.first_name } : {}) }],
        substitutions,
        customArgs: { recipient_id: r.id, campaign_id: r.campaign_id },
        headers: { "List-Unsubscribe": `<${links.unsubscribe_url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
      }
    })
    const message = {
      from: { email: campaign.from_email, ...(campaign.from_name ? { name: campaign.from_name } : {}) },
      ...(campaign.reply_to ? { replyTo: campaign.reply_to } : {}),
      subject: template.subject,
      text: template.text,
      html: template.html,
      personalizations,
      categories: [`campaign:${campaign.id}`],
      customArgs: { campaign_id: campaign.id },
    }
    let retries = 0
    for (;;) {
      try {
        const [response] = await mail.send(message)
        const providerId = String(response.headers["x-message-id"] ?? "")
        await campaigns.settleBatch({ batch_id, status: "sent", recipient_ids: sendableIds, provider_message_id: providerId })
        await messaging.recordOutcomes({
          ids: sendable.map((r) => reserved.get(`campaign:${r.id}`)!.id),
          status: "sent",
          provider_message_id: providerId,
        })
        result.sent += sendable.length
        break
      } catch (error) {
        const failure = classifySendError(error)
        if (failure.kind === "throttled") {
          result.throttled++
          await sleep(failure.waitMs)
          continue
        }
        if (failure.kind === "retry" && retries < options.maxRetries) {
          await sleep(BACKOFF_MS[Math.min(retries++, BACKOFF_MS.length - 1)])
          continue
        }
        if (failure.kind === "retry") {
          await campaigns.settleBatch({ batch_id, status: "pending", recipient_ids: sendableIds })
          logger.warn(`campaign ${campaign.id}: batch ${batch_id} put back after ${retries} retries: ${failure.reason}`)
          return "retry_later"
        }
        if (failure.kind === "rejected") {
          await campaigns.settleBatch({ batch_id, status: "failed", recipient_ids: sendableIds, reason: failure.reason.slice(0, 500) })
          await messaging.recordOutcomes({ ids: sendable.map((r) => reserved.get(`campaign:${r.id}`)!.id), status: "failed", reason: failure.reason.slice(0, 500) })
          result.failed += sendable.length
          break
        }
        logger.warn(`campaign ${campaign.id}: batch ${batch_id} outcome unknown (${failure.reason}); left for recovery`)
        result.unknown += sendable.length
        break
      }
    }
    return null
  }

  // Several batches in flight: each waits mostly on PostgreSQL and SendGrid, so lanes overlap
  // those waits; claims skip locked rows, so no two lanes ever hold the same recipient.
  const lanes = Math.max(1, input.concurrency ?? options.sendConcurrency)
  let claimed = 0
  let stopped: string | null = null
  let crash: unknown = null
  const lane = async () => {
    try {
      await runLane()
    } catch (error) {
      // The other lanes finish their batch and stop: none outlives the campaign's lock.
      crash ??= error
      stopped ??= "error"
    }
  }
  const runLane = async () => {
    // The slot is taken before the first await, so lanes never claim more than max_batches together.
    while (!stopped && claimed < (input.max_batches ?? Infinity)) {
      claimed++
      const [current] = await campaigns.listEmailCampaigns({ id: input.campaign_id }, { select: ["status"] })
      if (current?.status !== "sending") {
        stopped ??= current?.status ?? "deleted"
        return
      }
      const { batch_id, recipients } = await campaigns.claimBatch({ campaign_id: input.campaign_id, limit: input.batch_size })
      if (!recipients.length) {
        return
      }
      result.batches++
      const stop = await sendBatch(batch_id, recipients)
      if (stop) {
        stopped ??= stop
      }
    }
  }
  await Promise.all(Array.from({ length: lanes }, lane))
  if (crash) {
    throw crash
  }
  if (stopped) {
    result.status = stopped
    return result
  }
  const progress = await campaigns.campaignProgress(input.campaign_id)
  if (progress.pending === 0 && progress.sending === 0) {
    await campaigns.updateEmailCampaigns({ id: input.campaign_id, status: "sent", finished_at: new Date() })
    result.status = "sent"
  }
  return result
}

/** How long one sender may hold a campaign before another worker may take it over. */
const LEASE_S = 600

/**
 * Sends a campaign on this worker unless another one is sending it (the campaign's lock, Redis in
 * a multi-machine setup). Two senders would still never send a recipient twice (claims skip
 * locked rows); the lock keeps them from splitting one rate limit. Null when another holds it.
 */
export async function sendEmailCampaign(
  container: MedusaContainer,
  input: { campaign_id: string; max_batches?: number; batch_size?: number; concurrency?: number }
): Promise<SendCampaignResult | null> {
  const locking = container.resolve(Modules.LOCKING)
  const key = `email-campaign-send:${input.campaign_id}`
  const ownerId = randomUUID()
  try {
    await locking.acquire(key, { ownerId, expire: LEASE_S })
  } catch {
    return null
  }
  try {
    return await sendCampaignBatches(container, input)
  } finally {
    await locking.release(key, { ownerId })
  }
}

export const sendCampaignBatchesStep = createStep(
  "send-campaign-batches",
  async (input: { campaign_id: string; max_batches?: number; batch_size?: number; concurrency?: number }, { container }) =>
    new StepResponse(await sendEmailCampaign(container, input))
)
