import { Container, Text } from "@medusajs/ui"
import { useEmailCampaign } from "../../hooks/use-email-campaigns"
import { errorMessage } from "../../lib/error-message"
import { CampaignEditor } from "./campaign-editor"
import { CampaignHeader } from "./campaign-header"
import { CampaignProgressCard } from "./campaign-progress-card"
import { CampaignReport } from "./campaign-report"

/**
 * A saved campaign: its status and actions; once sending started, the live progress and the
 * report; and the editor (read-only once started). The editor's draft is made once per campaign,
 * so polling does not reset what the merchant is typing.
 */
export const CampaignPage = ({ id }: { id: string }) => {
  const { data, error, isLoading } = useEmailCampaign(id)
  if (error || isLoading || !data) {
    return (
      <Container className="px-6 py-4">
        <Text size="small" className={error ? "text-ui-fg-error" : "text-ui-fg-muted"}>
          {error ? errorMessage(error) : "Loading…"}
        </Text>
      </Container>
    )
  }
  const campaign = data.email_campaign
  const started = !!campaign.started_at
  return (
    <CampaignEditor key={campaign.id} campaign={campaign} header={<CampaignHeader campaign={campaign} />} readOnly={started || campaign.status === "cancelled" || campaign.status === "sent"}>
      {started && <CampaignProgressCard campaign={campaign} />}
      {started && <CampaignReport campaign={campaign} />}
    </CampaignEditor>
  )
}
