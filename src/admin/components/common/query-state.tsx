import { Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { errorMessage } from "../../lib/error-message"

/** A section's body while its data loads, failed or is empty; `children` once there is data. */
export const QueryState = ({
  isError,
  error,
  isLoading,
  loadingText,
  isEmpty,
  emptyText,
  children,
}: {
  isError: boolean
  error: unknown
  isLoading: boolean
  loadingText: string
  isEmpty: boolean
  emptyText: string
  children: ReactNode
}) => {
  if (isError) {
    return (
      <Text size="small" className="text-ui-fg-error px-6 py-4">
        {errorMessage(error)}
      </Text>
    )
  }
  if (isLoading || isEmpty) {
    return (
      <Text size="small" className="text-ui-fg-muted px-6 py-4">
        {isLoading ? loadingText : emptyText}
      </Text>
    )
  }
  return <>{children}</>
}
