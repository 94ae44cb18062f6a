import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

type Api = { post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }> }

/** Registers an admin user with e-mail/password and returns headers carrying its JWT. */
export async function adminHeaders(container: MedusaContainer, api: Api, email = "admin@test.example") {
  const password = "test-password"
  const users = container.resolve(Modules.USER)
  const auth = container.resolve(Modules.AUTH)
  const user = await users.createUsers({ email })
  const { authIdentity, error } = await auth.register("emailpass", { body: { email, password } })
  if (!authIdentity) {
    throw new Error(`admin registration failed: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })
  const { data } = await api.post("/auth/user/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}` } }
}

/** Logs a customer in with e-mail/password and returns headers for store routes. */
export async function customerHeaders(api: Api, email: string, password: string, publishableKey: string) {
  const { data } = await api.post("/auth/customer/emailpass", { email, password })
  return { headers: { authorization: `Bearer ${data.token}`, "x-publishable-api-key": publishableKey } }
}
