import { Button, Container, Heading, Label, Text, toast } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { SwitchField } from "../common/switch-field"
import { errorMessage, isInvalidData } from "../../lib/error-message"
import { useUploadHistoryImport } from "./use-history-imports"

const FILES = [
  {
    field: "customers" as const,
    label: "customers.csv",
    columns: "email, first_name, last_name, phone, country_code, city, postal_code, created_at, marketing_consent, metadata",
  },
  {
    field: "orders" as const,
    label: "orders.csv",
    columns: "order_ref, email, placed_at, currency_code, sku, quantity, unit_amount, refunded_quantity",
  },
]

/** Choose customers.csv and/or orders.csv, dry run or not, and start the import. */
export const UploadForm = ({ onStarted }: { onStarted: (id: string) => void }) => {
  const [files, setFiles] = useState<{ customers: File | null; orders: File | null }>({ customers: null, orders: null })
  const [dryRun, setDryRun] = useState(true)
  const [formKey, setFormKey] = useState(0)
  const upload = useUploadHistoryImport()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    upload.mutate(
      { ...files, dry_run: dryRun },
      {
        onSuccess: ({ history_import }) => {
          toast.success(dryRun ? "Dry run started" : "Import started", { description: "Progress shows below; you can leave this page." })
          setFiles({ customers: null, orders: null })
          setFormKey((k) => k + 1)
          onStarted(history_import.id)
        },
        onError: (error) => {
          if (!isInvalidData(error)) {
            toast.error(errorMessage(error))
          }
        },
      }
    )
  }

  return (
    <Container className="px-6 py-4">
      <form key={formKey} onSubmit={submit} className="flex flex-col gap-y-4">
        <div>
          <Heading level="h2">Import a store&apos;s history</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Customers are matched by e-mail or created; orders become purchase facts (not Medusa orders). An empty
            marketing_consent means no consent. Importing the same files again updates, never duplicates.
          </Text>
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {FILES.map(({ field, label, columns }) => (
            <div key={field} className="flex flex-col gap-y-1">
              <Label htmlFor={`history-${field}`} size="small" weight="plus">
                {label}
              </Label>
              <input
                id={`history-${field}`}
                type="file"
                accept=".csv,text/csv"
                className="txt-small text-ui-fg-subtle file:bg-ui-button-neutral file:text-ui-fg-base file:border-ui-border-base file:mr-3 file:rounded-md file:border file:px-2 file:py-1"
                onChange={(e) => setFiles((f) => ({ ...f, [field]: e.target.files?.[0] ?? null }))}
              />
              <Text size="xsmall" className="text-ui-fg-muted">
                {columns}
              </Text>
            </div>
          ))}
        </div>
        <SwitchField
          id="history-dry-run"
          label="Dry run"
          hint="Read, check and count everything without writing anything."
          checked={dryRun}
          onCheckedChange={setDryRun}
        />
        {upload.isError && isInvalidData(upload.error) && (
          <Text size="small" className="text-ui-fg-error">
            {errorMessage(upload.error)}
          </Text>
        )}
        <div className="flex justify-end">
          <Button size="small" type="submit" isLoading={upload.isPending} disabled={!files.customers && !files.orders}>
            {dryRun ? "Start dry run" : "Start import"}
          </Button>
        </div>
      </form>
    </Container>
  )
}
