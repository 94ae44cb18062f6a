import { SegmentBuilderLoader } from "../../../components/segments/segment-builder-loader"

/** A new segment in the builder; saving opens it. */
const CreateSegmentPage = () => <SegmentBuilderLoader />

export const handle = {
  breadcrumb: () => "Create",
}

export default CreateSegmentPage
