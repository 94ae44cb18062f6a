import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import {
  AdminFulfillGiftShipments,
  AdminGiftShipmentLabelsParams,
  AdminGiftShipmentsExportParams,
  AdminGiftShipmentsParams,
} from "./validators"

export const adminGiftShipmentsMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/gift-shipments",
    middlewares: [validateAndTransformQuery(AdminGiftShipmentsParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/gift-shipments/export.csv",
    middlewares: [validateAndTransformQuery(AdminGiftShipmentsExportParams, {})],
  },
  {
    methods: ["GET"],
    matcher: "/admin/loyalty/gift-shipments/labels",
    middlewares: [validateAndTransformQuery(AdminGiftShipmentLabelsParams, {})],
  },
  {
    methods: ["POST"],
    matcher: "/admin/loyalty/gift-shipments/fulfill",
    middlewares: [validateAndTransformBody(AdminFulfillGiftShipments)],
  },
]
