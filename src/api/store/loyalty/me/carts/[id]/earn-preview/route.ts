import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { previewCartEarnWorkflow } from "../../../../../../../workflows/loyalty-points/preview-cart-earn"

/** What the logged-in customer's cart would earn if ordered now (same code as the real earn). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result } = await previewCartEarnWorkflow(req.scope).run({
    input: { cart_id: req.params.id, customer_id: req.auth_context.actor_id },
  })
  res.json({ earn_preview: result })
}
