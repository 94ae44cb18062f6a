import { Button, Text } from "@medusajs/ui"
import { errorMessage } from "../../lib/error-message"
import type { CycleSuggestionJson } from "./types"

/**
 * The learned cycle beside the cycle field: the store's median gap per unit among customers with
 * two or more purchases, and how many gaps it came from (few gaps: a weak suggestion).
 */
export const CycleSuggestionNote = ({
  suggestion,
  isLoading,
  error,
  onUse,
}: {
  suggestion: CycleSuggestionJson | null
  isLoading: boolean
  error: unknown
  onUse: (days: number) => void
}) => {
  if (error) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {errorMessage(error)}
      </Text>
    )
  }
  if (isLoading && !suggestion) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        Learning from purchases…
      </Text>
    )
  }
  if (!suggestion) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        Pick a product to see its learned cycle.
      </Text>
    )
  }
  if (suggestion.days_per_unit === null) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        Not enough repeat purchases to learn a cycle yet.
      </Text>
    )
  }
  const days = suggestion.days_per_unit
  return (
    <div className="bg-ui-bg-subtle shadow-borders-base flex items-center justify-between gap-x-2 rounded-md px-3 py-2">
      <div className="flex flex-col">
        <Text size="small" weight="plus">
          Learned: {days} days per unit
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          median of {suggestion.sample_size} repurchase gaps per unit
        </Text>
      </div>
      <Button size="small" variant="secondary" type="button" onClick={() => onUse(days)}>
        Use
      </Button>
    </div>
  )
}
