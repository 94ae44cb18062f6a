import { Button, Drawer, Input, Text } from "@medusajs/ui"
import type { ComponentProps } from "react"
import { FormField } from "./form-field"

/** A form's error that belongs to no one field. */
export const FormError = ({ message }: { message?: string }) =>
  message ? (
    <Text size="small" className="text-ui-fg-error">
      {message}
    </Text>
  ) : null

/** Cancel and Save at the foot of a drawer's form. */
export const FormDrawerFooter = ({ isSaving }: { isSaving: boolean }) => (
  <Drawer.Footer>
    <Drawer.Close asChild>
      <Button size="small" variant="secondary" type="button">
        Cancel
      </Button>
    </Drawer.Close>
    <Button size="small" type="submit" isLoading={isSaving}>
      Save
    </Button>
  </Drawer.Footer>
)

/** A labelled number input; the value stays text (as typed) until the form is saved. */
export const NumberField = ({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  ...input
}: Omit<ComponentProps<typeof FormField>, "children"> & {
  value: string
  onChange: (value: string) => void
} & Pick<ComponentProps<typeof Input>, "min" | "step" | "placeholder">) => (
  <FormField id={id} label={label} hint={hint} error={error} optional={optional}>
    <Input id={id} type="number" value={value} onChange={(e) => onChange(e.target.value)} {...input} />
  </FormField>
)
