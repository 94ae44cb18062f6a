import { Button, Label, Prompt, Text, Textarea, toast } from "@medusajs/ui"
import { useState } from "react"
import { useFulfillGiftShipments } from "../../hooks/use-gift-shipments"
import { errorMessage } from "../../lib/error-message"

/** Confirms marking the selected gift shipments as sent, with an optional note (tracking number, carrier). */
export const FulfillPrompt = ({
  ids,
  open,
  onOpenChange,
  onFulfilled,
}: {
  ids: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
  onFulfilled: () => void
}) => {
  const [note, setNote] = useState("")
  const [error, setError] = useState<string>()
  const fulfill = useFulfillGiftShipments()

  const close = (next: boolean) => {
    onOpenChange(next)
    if (!next) {
      setNote("")
      setError(undefined)
    }
  }

  const onConfirm = () => {
    fulfill.mutate(
      { ids, ...(note.trim() ? { note: note.trim() } : {}) },
      {
        onSuccess: ({ fulfilled, already_fulfilled, cancelled }) => {
          toast.success(`${fulfilled.length} gift shipment${fulfilled.length === 1 ? "" : "s"} marked fulfilled`)
          if (already_fulfilled.length || cancelled.length) {
            toast.warning("Some shipments were left unchanged", {
              description: [
                already_fulfilled.length && `${already_fulfilled.length} already fulfilled`,
                cancelled.length && `${cancelled.length} cancelled`,
              ]
                .filter(Boolean)
                .join(", "),
            })
          }
          onFulfilled()
          close(false)
        },
        onError: (err) => setError(errorMessage(err)),
      }
    )
  }

  return (
    <Prompt open={open} onOpenChange={close} variant="confirmation">
      <Prompt.Content>
        <Prompt.Header>
          <Prompt.Title>
            Mark {ids.length} gift shipment{ids.length === 1 ? "" : "s"} fulfilled?
          </Prompt.Title>
          <Prompt.Description>They leave the pending queue. This cannot be undone from here.</Prompt.Description>
        </Prompt.Header>
        <div className="flex flex-col gap-y-2 px-6 pb-4 pt-2">
          <Label htmlFor="gift-fulfil-note" size="small" weight="plus">
            Note <span className="text-ui-fg-muted font-normal">(optional)</span>
          </Label>
          <Textarea
            id="gift-fulfil-note"
            maxLength={1000}
            placeholder="e.g. Sent by post, tracking 1Z…"
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
          {error && (
            <Text size="small" className="text-ui-fg-error">
              {error}
            </Text>
          )}
        </div>
        <Prompt.Footer>
          <Prompt.Cancel>Cancel</Prompt.Cancel>
          <Button size="small" onClick={onConfirm} isLoading={fulfill.isPending}>
            Mark fulfilled
          </Button>
        </Prompt.Footer>
      </Prompt.Content>
    </Prompt>
  )
}
