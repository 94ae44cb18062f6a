import type { Context, IEventBusModuleService } from "@medusajs/framework/types"
import { MedusaContextType } from "@medusajs/framework/utils"
import type { PriceRowError } from "../../../modules/b2b/types"

/** The first errors an import keeps, by line (every bad line is counted). */
export const MAX_STORED_ERRORS = 100

/** Adds errors to the first ones kept, in line order. */
export function keepFirstErrors(kept: PriceRowError[], more: PriceRowError[]): PriceRowError[] {
  return [...kept, ...more].sort((a, b) => a.line - b.line).slice(0, MAX_STORED_ERRORS)
}

/**
 * The Pricing module's events of one batch of an import (prices created, updated, deleted) carry
 * their own event group, released when the batch is written: in the workflow's group they would
 * wait in memory until the whole import ends, a million of them at 1M prices.
 */
export const PRICE_IMPORT_EVENT_GROUP_PREFIX = "b2b-price-import:"

/** Runs one batch's module calls in its own event group and releases the group afterwards (also on failure: what was written is announced). */
export async function inBatchEventGroup<T>(eventBus: IEventBusModuleService, groupId: string, write: (context: Context) => Promise<T>): Promise<T> {
  const eventGroupId = `${PRICE_IMPORT_EVENT_GROUP_PREFIX}${groupId}`
  try {
    return await write({ __type: MedusaContextType, eventGroupId } as Context)
  } finally {
    await eventBus.releaseGroupedEvents(eventGroupId)
  }
}
