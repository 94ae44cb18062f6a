import { validateAndTransformBody, validateAndTransformQuery, type MiddlewareRoute } from "@medusajs/framework/http"
import { listSegmentsQueryConfig, retrieveSegmentQueryConfig } from "./query-config"
import {
  AdminCreateSegment,
  AdminExplainDefinition,
  AdminExplainParams,
  AdminPreviewSegment,
  AdminSegmentMembersParams,
  AdminSegmentParams,
  AdminSegmentsParams,
  AdminUpdateSegment,
} from "./validators"

export const adminSegmentsMiddlewares: MiddlewareRoute[] = [
  { methods: ["GET"], matcher: "/admin/segments", middlewares: [validateAndTransformQuery(AdminSegmentsParams, listSegmentsQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/segments",
    middlewares: [validateAndTransformBody(AdminCreateSegment), validateAndTransformQuery(AdminSegmentParams, retrieveSegmentQueryConfig)],
  },
  { methods: ["POST"], matcher: "/admin/segments/preview", middlewares: [validateAndTransformBody(AdminPreviewSegment)] },
  { methods: ["POST"], matcher: "/admin/segments/explain", middlewares: [validateAndTransformBody(AdminExplainDefinition)] },
  { methods: ["GET"], matcher: "/admin/segments/:id", middlewares: [validateAndTransformQuery(AdminSegmentParams, retrieveSegmentQueryConfig)] },
  {
    methods: ["POST"],
    matcher: "/admin/segments/:id",
    middlewares: [validateAndTransformBody(AdminUpdateSegment), validateAndTransformQuery(AdminSegmentParams, retrieveSegmentQueryConfig)],
  },
  { methods: ["GET"], matcher: "/admin/segments/:id/members", middlewares: [validateAndTransformQuery(AdminSegmentMembersParams, {})] },
  { methods: ["GET"], matcher: "/admin/segments/:id/explain", middlewares: [validateAndTransformQuery(AdminExplainParams, {})] },
]
