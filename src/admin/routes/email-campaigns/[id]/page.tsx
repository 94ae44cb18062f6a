import { useParams } from "react-router-dom"
import { CampaignPage } from "../../../components/email-campaigns/campaign-page"

/** One campaign: status and actions, live progress and the report once it sends, the editor with preview and test send. */
const EmailCampaignPage = () => {
  const { id } = useParams()
  return <CampaignPage id={id!} />
}

export const handle = {
  breadcrumb: () => "Campaign",
}

export default EmailCampaignPage
