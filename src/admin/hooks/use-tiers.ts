import { loyaltyQueryKeys } from "../lib/query-keys"
import type { AdminTierPayload, AdminTierResponse, AdminTiersResponse } from "../lib/types"
import { createCrudHooks } from "./crud"

/** Loyalty tiers: a page (lowest rank first), save, delete (members leave at the next evaluation). */
export const {
  useList: useTiers,
  useSave: useSaveTier,
  useDelete: useDeleteTier,
} = createCrudHooks<AdminTiersResponse, AdminTierResponse, AdminTierPayload, "loyalty_tier">({
  path: "/admin/loyalty/tiers",
  keys: { all: loyaltyQueryKeys.tiers, list: loyaltyQueryKeys.tierList },
})
