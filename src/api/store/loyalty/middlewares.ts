import { authenticate, validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listStorePointsTransactionsQueryConfig } from "./query-config"
import { StoreLoyaltyTransactionsParams, StoreRedeemPoints, StoreRegisterReferral } from "./validators"

export const storeLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    // Every verb: a route added here later must not be public by accident.
    methods: ["ALL"],
    matcher: "/store/loyalty/me*",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    methods: ["GET"],
    matcher: "/store/loyalty/me/transactions",
    middlewares: [validateAndTransformQuery(StoreLoyaltyTransactionsParams, listStorePointsTransactionsQueryConfig)],
  },
  {
    methods: ["POST"],
    matcher: "/store/loyalty/me/carts/:id/redemption",
    middlewares: [validateAndTransformBody(StoreRedeemPoints)],
  },
  {
    methods: ["POST"],
    matcher: "/store/loyalty/me/referral",
    middlewares: [validateAndTransformBody(StoreRegisterReferral)],
  },
]
