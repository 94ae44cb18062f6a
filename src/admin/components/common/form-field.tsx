import { Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A labelled form control with an optional hint and the error that belongs to it. */
export const FormField = ({
  id,
  label,
  hint,
  error,
  optional,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  optional?: boolean
  children: ReactNode
}) => (
  <div className="flex flex-col gap-y-2">
    <Label htmlFor={id} size="small" weight="plus">
      {label}
      {optional && <span className="text-ui-fg-muted font-normal"> (optional)</span>}
    </Label>
    {children}
    {hint && !error && (
      <Text size="small" className="text-ui-fg-subtle">
        {hint}
      </Text>
    )}
    {error && (
      <Text size="small" className="text-ui-fg-error">
        {error}
      </Text>
    )}
  </div>
)
