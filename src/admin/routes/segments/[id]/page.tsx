import { useParams } from "react-router-dom"
import { SegmentBuilderLoader } from "../../../components/segments/segment-builder-loader"

/** One segment: its status and actions, the builder with the live count, and its saved members. */
const SegmentPage = () => {
  const { id } = useParams()
  return <SegmentBuilderLoader segmentId={id} />
}

export const handle = {
  breadcrumb: () => "Segment",
}

export default SegmentPage
