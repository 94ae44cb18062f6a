import { z } from "@medusajs/framework/zod"
import { createEnumListParam, createPaginationParams } from "../../../utils/validators"
import type { GiftShipmentStatus } from "../../../../modules/loyalty-points/types"

export type { GiftShipmentStatus }
export const GIFT_SHIPMENT_STATUSES = ["pending", "fulfilled", "cancelled"] as const satisfies readonly GiftShipmentStatus[]

/** The most shipments one fulfilment or one `ids` list of labels may name. */
export const MAX_GIFT_SHIPMENT_IDS = 500

const status = createEnumListParam(GIFT_SHIPMENT_STATUSES, "status").optional()

const idList = z.preprocess(
  (value) => (typeof value === "string" ? value.split(",") : value),
  z
    .array(z.string().trim().min(1, { message: "ids must not contain an empty id" }))
    .min(1, { message: "ids must name at least one gift shipment" })
    .max(MAX_GIFT_SHIPMENT_IDS, { message: `ids may name at most ${MAX_GIFT_SHIPMENT_IDS} gift shipments` })
)

export const AdminGiftShipmentsParams = createPaginationParams({ limit: 50, maxLimit: 500 }).extend({ status })
export type AdminGiftShipmentsParamsType = z.infer<typeof AdminGiftShipmentsParams>

export const AdminGiftShipmentsExportParams = z.object({ status })
export type AdminGiftShipmentsExportParamsType = z.infer<typeof AdminGiftShipmentsExportParams>

/** Labels for the shipments named in `ids`, or for every shipment with `status` (pending when neither is given). */
export const AdminGiftShipmentLabelsParams = z
  .object({ ids: idList.optional(), status })
  .superRefine((params, ctx) => {
    if (params.ids && params.status) {
      ctx.addIssue({ code: "custom", message: "Give either ids or status, not both", path: ["ids"] })
    }
  })
export type AdminGiftShipmentLabelsParamsType = z.infer<typeof AdminGiftShipmentLabelsParams>

export const AdminFulfillGiftShipments = z
  .object({
    ids: z
      .array(z.string().trim().min(1, { message: "ids must not contain an empty id" }))
      .min(1, { message: "ids must name at least one gift shipment" })
      .max(MAX_GIFT_SHIPMENT_IDS, { message: `ids may name at most ${MAX_GIFT_SHIPMENT_IDS} gift shipments` }),
    note: z.string().trim().max(1000, { message: "note must be at most 1000 characters" }).optional(),
  })
  .strict()
export type AdminFulfillGiftShipmentsType = z.infer<typeof AdminFulfillGiftShipments>
