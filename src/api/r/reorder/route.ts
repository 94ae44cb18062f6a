import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { REMINDERS_MODULE } from "../../../modules/reminders"
import type RemindersModuleService from "../../../modules/reminders/service"
import { createReorderCartWorkflow } from "../../../workflows/reminders/create-reorder-cart"

/**
 * The one-click reorder link of a reminder e-mail (public: mail clients send no publishable key).
 * A valid token creates the customer's cart and redirects to the storefront's cart page; a
 * tampered or expired one is a 400.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const token = typeof req.query.token === "string" ? req.query.token : ""
  if (!token) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token: is required")
  }
  const { result } = await createReorderCartWorkflow(req.scope).run({ input: { token } })
  const { cartUrl } = req.scope.resolve<RemindersModuleService>(REMINDERS_MODULE).getRemindersOptions()
  res.redirect(302, cartUrl.replace("{cart_id}", encodeURIComponent(result.cart_id)))
}
