import type { Event, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, WorkflowResponse, type WorkflowData } from "@medusajs/framework/workflows-sdk"
import { createApiKeysWorkflow, createCustomerAccountWorkflow } from "@medusajs/medusa/core-flows"
import { LoyaltyPointsEvents } from "../../src/modules/loyalty-points/events"
import { adminHeaders } from "./auth"

/** Request options carrying auth (and, for the store, the publishable key) headers. */
export type Headers = { headers: Record<string, string> }

type Api = Parameters<typeof adminHeaders>[1]

const failStep = createStep("loyalty-spec-forced-failure", async () => {
  throw new Error("forced failure")
})

/**
 * A workflow that runs the step(s) under test on its input, then fails with "forced failure", so
 * their compensation runs (run it with `throwOnError: false` and check what was rolled back).
 */
export function thenFail<TInput>(name: string, steps: (input: WorkflowData<TInput>) => unknown) {
  return createWorkflow(name, (input: WorkflowData<TInput>) => {
    steps(input)
    failStep()
    return new WorkflowResponse(input)
  })
}

/** An admin user's headers and its user id (the actor id its requests record). */
export async function adminWithId(container: MedusaContainer, api: Api, email = "admin@test.example") {
  const headers = await adminHeaders(container, api, email)
  const [user] = await container.resolve(Modules.USER).listUsers({ email })
  return { ...headers, userId: user.id }
}

/** Registers an e-mail/password identity and the customer account it logs in to; returns the customer id. */
export async function registerCustomer(
  container: MedusaContainer,
  person: { email: string; password: string },
  customerData: { first_name?: string } = {}
): Promise<string> {
  const { authIdentity, error } = await container.resolve(Modules.AUTH).register("emailpass", { body: person })
  if (!authIdentity) {
    throw new Error(`customer registration failed: ${error}`)
  }
  const { result } = await createCustomerAccountWorkflow(container).run({
    input: { authIdentityId: authIdentity.id, customerData: { email: person.email, ...customerData } },
  })
  return result.id
}

/** A publishable API key for store requests. */
export async function createPublishableKey(container: MedusaContainer, title: string): Promise<string> {
  const { result } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title, type: "publishable", created_by: "" }] },
  })
  return result[0].token
}

/**
 * Collects the customer ids of every `loyalty.points_balance_changed` event from now on, one entry
 * per event; empty it between tests (`list.length = 0`).
 */
export function recordBalanceChanges(container: MedusaContainer): string[][] {
  const events: string[][] = []
  container
    .resolve(Modules.EVENT_BUS)
    .subscribe(LoyaltyPointsEvents.POINTS_BALANCE_CHANGED, async (event: Event<{ customer_ids: string[] }>) => {
      events.push(event.data.customer_ids)
    })
  return events
}
