import { Button, Drawer, Input, Select, Text, Textarea, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { useAdjustPoints } from "../../hooks/use-customer-loyalty"
import { formatPoints, formatSignedPoints } from "../../lib/format"
import { newIdempotencyKey } from "../../lib/idempotency-key"
import { placeServerError } from "../../lib/server-error"
import { FormDrawerFooter, FormError } from "../common/form-drawer-parts"
import { FormField } from "../common/form-field"

type Direction = "credit" | "debit"
type Errors = { points?: string; reason?: string; form?: string }
const FIELDS = ["points", "reason"] as const

/** A hand-made credit or debit of a customer's points, with the reason the ledger keeps. */
export const AdjustPointsDrawer = ({
  customerId,
  available,
  onAdjusted,
}: {
  customerId: string
  available: number
  onAdjusted?: () => void
}) => {
  const [open, setOpen] = useState(false)
  const [direction, setDirection] = useState<Direction>("credit")
  const [amount, setAmount] = useState("")
  const [reason, setReason] = useState("")
  const [errors, setErrors] = useState<Errors>({})
  // One key per opened form: a double submit of the same adjustment is recorded once.
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey("admin-adjust"))
  const adjust = useAdjustPoints(customerId)

  const reset = () => {
    setDirection("credit")
    setAmount("")
    setReason("")
    setErrors({})
    setIdempotencyKey(newIdempotencyKey("admin-adjust"))
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    const value = Number(amount)
    const nextErrors: Errors = {}
    if (!Number.isInteger(value) || value <= 0) {
      nextErrors.points = "Enter a whole number of points above 0."
    }
    if (!reason.trim()) {
      nextErrors.reason = "A reason is required."
    }
    setErrors(nextErrors)
    if (nextErrors.points || nextErrors.reason) {
      return
    }
    const points = direction === "credit" ? value : -value
    adjust.mutate(
      { points, reason: reason.trim(), idempotency_key: idempotencyKey },
      {
        onSuccess: ({ balance }) => {
          toast.success("Points adjusted", {
            description: `${formatSignedPoints(points)} points. Available now: ${formatPoints(balance.available)}.`,
          })
          setOpen(false)
          reset()
          onAdjusted?.()
        },
        onError: (error) => {
          const { field, message } = placeServerError(error, FIELDS)
          setErrors({ [field]: message })
        },
      }
    )
  }

  return (
    <Drawer
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) {
          reset()
        }
      }}
    >
      <Drawer.Trigger asChild>
        <Button size="small" variant="secondary">
          Adjust points
        </Button>
      </Drawer.Trigger>
      <Drawer.Content>
        <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden">
          <Drawer.Header>
            <Drawer.Title>Adjust points</Drawer.Title>
            <Drawer.Description className="sr-only">Credit or debit this customer's points</Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            <Text size="small" className="text-ui-fg-subtle">
              Available now: {formatPoints(available)} points.
            </Text>
            <FormField id="loyalty-adjust-direction" label="Adjustment">
              <Select value={direction} onValueChange={(value) => setDirection(value as Direction)}>
                <Select.Trigger id="loyalty-adjust-direction">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value="credit">Add points (credit)</Select.Item>
                  <Select.Item value="debit">Remove points (debit)</Select.Item>
                </Select.Content>
              </Select>
            </FormField>
            <FormField id="loyalty-adjust-points" label="Points" error={errors.points}>
              <Input
                id="loyalty-adjust-points"
                type="number"
                inputMode="numeric"
                min={1}
                step={1}
                value={amount}
                onChange={(event) => setAmount(event.target.value)}
                aria-invalid={!!errors.points}
              />
            </FormField>
            <FormField
              id="loyalty-adjust-reason"
              label="Reason"
              hint="Kept in the customer's history."
              error={errors.reason}
            >
              <Textarea
                id="loyalty-adjust-reason"
                value={reason}
                maxLength={500}
                placeholder="e.g. Goodwill for a late delivery"
                onChange={(event) => setReason(event.target.value)}
                aria-invalid={!!errors.reason}
              />
            </FormField>
            <FormError message={errors.form} />
          </Drawer.Body>
          <FormDrawerFooter isSaving={adjust.isPending} />
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
