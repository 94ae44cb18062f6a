import { Container, Heading, Label, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { useEmailCampaignPreview, useFirstSegmentMember } from "../../hooks/use-email-campaigns"
import { errorMessage } from "../../lib/error-message"
import { languageName } from "../../lib/email-campaign-draft"
import { CustomerPicker } from "./customer-picker"
import { TestSendForm } from "./test-send-form"

/**
 * The message as a chosen customer gets it (GET /:id/preview: their name, points, tier,
 * recommendations and signed links), in the language of the open template tab; the first member
 * of the segment until another customer is chosen. It renders the saved campaign, so unsaved edits
 * are flagged. Below it, a test send of the same message.
 */
export const CampaignPreviewPanel = ({
  campaignId,
  segmentId,
  language,
  unsaved,
}: {
  campaignId?: string
  segmentId?: string
  language: string | null
  unsaved: boolean
}) => {
  const [chosen, setChosen] = useState<string | null>(null)
  const firstMember = useFirstSegmentMember(chosen ? undefined : segmentId)
  const customerId = chosen ?? firstMember.data ?? null
  const preview = useEmailCampaignPreview(campaignId, customerId, language)
  const [view, setView] = useState("html")

  if (!campaignId) {
    return (
      <Container className="flex flex-col gap-y-2 px-6 py-4">
        <Heading level="h2">Preview</Heading>
        <Text size="small" className="text-ui-fg-muted">
          Save the draft to preview it for a customer and send a test.
        </Text>
      </Container>
    )
  }

  const message = preview.data?.preview
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div>
        <Heading level="h2">Preview</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {language ? `${languageName(language)} template` : "The customer's language"}, personalised for:
        </Text>
      </div>
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="preview-customer" size="small" weight="plus">
          Customer
        </Label>
        <CustomerPicker id="preview-customer" value={customerId} onChange={setChosen} />
        {!customerId && !firstMember.isLoading && (
          <Text size="small" className="text-ui-fg-muted">
            The segment has no members yet: choose any customer.
          </Text>
        )}
      </div>
      {unsaved && (
        <Text size="small" className="text-ui-fg-subtle bg-ui-bg-subtle rounded-md px-3 py-2">
          The preview shows the saved campaign: save to see your latest edits.
        </Text>
      )}
      {preview.error ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {errorMessage(preview.error)}
        </Text>
      ) : message ? (
        <div className={preview.isFetching ? "opacity-60 transition-opacity" : undefined}>
          <dl className="txt-compact-small mb-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="text-ui-fg-subtle">From</dt>
            <dd className="truncate">{message.from_name ? `${message.from_name} <${message.from_email}>` : message.from_email}</dd>
            <dt className="text-ui-fg-subtle">Subject</dt>
            <dd className="txt-compact-small-plus">{message.subject}</dd>
          </dl>
          <Tabs value={view} onValueChange={setView}>
            <Tabs.List>
              <Tabs.Trigger value="html">HTML</Tabs.Trigger>
              <Tabs.Trigger value="text">Text</Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="html" className="pt-3">
              <iframe
                title="E-mail preview"
                sandbox=""
                srcDoc={message.html}
                className="border-ui-border-base h-[420px] w-full rounded-md border bg-white"
              />
            </Tabs.Content>
            <Tabs.Content value="text" className="pt-3">
              <pre className="border-ui-border-base bg-ui-bg-subtle txt-compact-xsmall max-h-[420px] overflow-auto whitespace-pre-wrap break-words rounded-md border p-3 font-mono">
                {message.text}
              </pre>
            </Tabs.Content>
          </Tabs>
        </div>
      ) : (
        customerId && (
          <Text size="small" className="text-ui-fg-muted">
            Rendering…
          </Text>
        )
      )}
      <div className="border-ui-border-base border-t pt-4">
        <TestSendForm campaignId={campaignId} customerId={customerId} language={language} />
      </div>
    </Container>
  )
}
