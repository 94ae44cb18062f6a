import type { FetchError } from "@medusajs/js-sdk"
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { loyaltyQueryKeys } from "../lib/query-keys"
import { sdk } from "../lib/sdk"
import type {
  AdminFulfillGiftShipmentsPayload,
  AdminFulfillGiftShipmentsResponse,
  AdminGiftShipmentsParams,
  AdminGiftShipmentsResponse,
} from "../lib/types"

/** One page of the gift-shipment queue, oldest first, optionally of one status. */
export function useGiftShipments(params: AdminGiftShipmentsParams) {
  return useQuery<AdminGiftShipmentsResponse, FetchError>({
    queryKey: loyaltyQueryKeys.giftShipmentList(params),
    queryFn: () => sdk.client.fetch<AdminGiftShipmentsResponse>("/admin/loyalty/gift-shipments", { query: params }),
    placeholderData: keepPreviousData,
  })
}

/** Marks gift shipments as sent; the answer says which were fulfilled now, before, or are cancelled. */
export function useFulfillGiftShipments() {
  const queryClient = useQueryClient()
  return useMutation<AdminFulfillGiftShipmentsResponse, FetchError, AdminFulfillGiftShipmentsPayload>({
    mutationFn: (body) =>
      sdk.client.fetch<AdminFulfillGiftShipmentsResponse>("/admin/loyalty/gift-shipments/fulfill", {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: loyaltyQueryKeys.giftShipments() }),
  })
}
