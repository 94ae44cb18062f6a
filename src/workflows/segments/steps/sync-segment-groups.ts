import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CUSTOMER_FACTS_MODULE } from "../../../modules/customer-facts"
import { CustomerFactsEvents } from "../../../modules/customer-facts/events"
import type CustomerFactsModuleService from "../../../modules/customer-facts/service"
import { SEGMENTS_MODULE } from "../../../modules/segments"
import { collectReferences } from "../../../modules/segments/definition/references"
import { storedDefinition } from "../../../modules/segments/definition/stored-definition"
import type SegmentsModuleService from "../../../modules/segments/service"

/** Who entered and exited one segment. */
export type MembershipDiff = { segment_id: string; customer_group_id: string | null; added: string[]; removed: string[] }

const CHUNK = 500

type GroupChange = { customer_group_id: string; added: string[]; removed: string[] }

async function applyToGroups(container: MedusaContainer, changes: GroupChange[], direction: 1 | -1) {
  const customers = container.resolve(Modules.CUSTOMER)
  const facts = container.resolve<CustomerFactsModuleService>(CUSTOMER_FACTS_MODULE)
  for (const change of changes) {
    const add = direction === 1 ? change.added : change.removed
    const remove = direction === 1 ? change.removed : change.added
    for (let i = 0; i < add.length; i += CHUNK) {
      const batch = add.slice(i, i + CHUNK)
      // Customers already in the group (put there by hand) are left as they are.
      const already = await customers.listCustomers({ id: batch, groups: { id: [change.customer_group_id] } }, { select: ["id"] })
      const have = new Set(already.map((c) => c.id))
      const pairs = batch.filter((id) => !have.has(id)).map((customer_id) => ({ customer_id, customer_group_id: change.customer_group_id }))
      if (pairs.length) await customers.addCustomerToGroup(pairs)
    }
    for (let i = 0; i < remove.length; i += CHUNK) {
      const pairs = remove.slice(i, i + CHUNK).map((customer_id) => ({ customer_id, customer_group_id: change.customer_group_id }))
      if (pairs.length) await customers.removeCustomerFromGroup(pairs)
    }
    await facts.applyGroupMembership({ customer_group_id: change.customer_group_id, added: add, removed: remove })
  }
}

/**
 * Keeps each synced segment's Medusa customer group equal to its members: entries are added to the
 * group, exits removed, through the Customer module (so price lists and promotions on the group
 * follow). The facts' group lists follow at once, and customers whose group change another live
 * segment tests are announced as refreshed so that segment re-evaluates them. Compensation undoes
 * the group changes.
 */
export const syncSegmentGroupsStep = createStep(
  "sync-segment-groups",
  async (input: { diffs: MembershipDiff[] }, { container }) => {
    const changes: GroupChange[] = input.diffs
      .filter((d): d is MembershipDiff & { customer_group_id: string } => !!d.customer_group_id && (d.added.length > 0 || d.removed.length > 0))
      .map((d) => ({ customer_group_id: d.customer_group_id, added: d.added, removed: d.removed }))
    if (!changes.length) {
      return new StepResponse({ groups_changed: 0 }, [] as GroupChange[])
    }
    await applyToGroups(container, changes, 1)
    const segments = container.resolve<SegmentsModuleService>(SEGMENTS_MODULE)
    const live = await segments.listSegments({ is_live: true }, { select: ["id", "definition"] })
    const testedGroups = new Set(live.flatMap((s) => collectReferences(storedDefinition(s)).customer_group_ids))
    const affected = [...new Set(changes.filter((c) => testedGroups.has(c.customer_group_id)).flatMap((c) => [...c.added, ...c.removed]))]
    if (affected.length) {
      const eventBus = container.resolve(Modules.EVENT_BUS)
      for (let i = 0; i < affected.length; i += CHUNK) {
        await eventBus.emit({ name: CustomerFactsEvents.REFRESHED, data: { customer_ids: affected.slice(i, i + CHUNK) } })
      }
    }
    return new StepResponse({ groups_changed: changes.length }, changes)
  },
  async (changes, { container }) => {
    if (!changes?.length) {
      return
    }
    await applyToGroups(container, changes, -1)
  }
)
