import { Button, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { useSendTestEmailCampaign } from "../../hooks/use-email-campaigns"
import { placeServerError } from "../../lib/server-error"

/** Sends the previewed message (that customer, that language) to a test address; the server's 400 shows under the address. */
export const TestSendForm = ({ campaignId, customerId, language }: { campaignId: string; customerId: string | null; language: string | null }) => {
  const [email, setEmail] = useState("")
  const [error, setError] = useState<string | null>(null)
  const send = useSendTestEmailCampaign()

  const onSend = () => {
    setError(null)
    send.mutate(
      { id: campaignId, body: { email: email.trim(), ...(customerId ? { customer_id: customerId } : {}), ...(language ? { language } : {}) } },
      {
        onSuccess: (result) => toast.success("Test e-mail sent", { description: `To ${email.trim()}, in ${result.language}` }),
        onError: (e) => {
          const placed = placeServerError(e, ["email", "customer_id", "language"] as const)
          setError(placed.message)
        },
      }
    )
  }

  return (
    <form
      className="flex flex-col gap-y-2"
      onSubmit={(event) => {
        event.preventDefault()
        onSend()
      }}
    >
      <Text size="small" weight="plus" asChild>
        <label htmlFor="test-send-email">Send a test</label>
      </Text>
      <div className="flex items-center gap-x-2">
        <Input
          id="test-send-email"
          type="email"
          size="small"
          placeholder="you@example.com"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value)
            setError(null)
          }}
          aria-invalid={!!error || undefined}
          className="flex-1"
        />
        <Button size="small" variant="secondary" type="submit" isLoading={send.isPending} disabled={!email.trim()}>
          Send test
        </Button>
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
      <Text size="xsmall" className="text-ui-fg-muted">
        The subject starts with [Test]; test messages are not counted in the report.
      </Text>
    </form>
  )
}
