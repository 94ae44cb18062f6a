import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Envelope } from "@medusajs/icons"
import { EmailCampaignsTable } from "../../components/email-campaigns/email-campaigns-table"

/** The e-mail campaigns: list with status, audience, sent, clicked and revenue; rows open the campaign. */
const EmailCampaignsPage = () => <EmailCampaignsTable />

// "Campaigns" alone is Medusa's promotion campaigns in the same sidebar.
export const config = defineRouteConfig({
  label: "E-mail campaigns",
  icon: Envelope,
})

export default EmailCampaignsPage
