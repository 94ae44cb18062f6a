import { CampaignEditor } from "../../../components/email-campaigns/campaign-editor"

/** A new campaign in the editor; saving opens it. */
const CreateEmailCampaignPage = () => <CampaignEditor />

export const handle = {
  breadcrumb: () => "Create",
}

export default CreateEmailCampaignPage
