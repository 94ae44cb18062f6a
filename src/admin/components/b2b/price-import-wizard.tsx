import { Button, FocusModal, Heading, Label, Text, toast, usePrompt } from "@medusajs/ui"
import { useEffect, useState, type FormEvent } from "react"
import { errorMessage } from "../../lib/error-message"
import { formatDateTime } from "../../lib/format"
import { SwitchField } from "../common/switch-field"
import { ImportDiffPreview } from "./import-diff-preview"
import { ImportErrorsTable } from "./import-errors-table"
import { ProgressBar, megabytes } from "./import-progress-bar"
import { ImportStatusBadge } from "./status-badges"
import type { Contract, PriceImport } from "./types"
import { useApplyPriceImport, usePriceImport, useUploadPriceImport } from "./use-b2b"

const STEPS = ["Upload", "Validate", "Review the changes", "Apply"] as const

/** Which step an import is at: validating while the worker reads it, review once it is ready (or invalid), apply from then on. */
function stepOf(job: PriceImport | undefined): number {
  if (!job) return 0
  if (job.status === "pending" || job.status === "validating" || job.status === "invalid") return 1
  if (job.status === "ready") return 2
  return 3
}

const Steps = ({ current }: { current: number }) => (
  <ol className="flex items-center gap-x-2">
    {STEPS.map((label, i) => (
      <li key={label} className="flex items-center gap-x-2">
        <span
          className={`txt-compact-xsmall-plus flex size-5 items-center justify-center rounded-full ${i < current ? "bg-ui-tag-green-bg text-ui-tag-green-text" : i === current ? "bg-ui-fg-interactive text-ui-fg-on-color" : "bg-ui-bg-component text-ui-fg-muted"}`}
        >
          {i + 1}
        </span>
        <Text size="small" weight={i === current ? "plus" : "regular"} className={i === current ? "" : "text-ui-fg-subtle"}>
          {label}
        </Text>
        {i < STEPS.length - 1 && <span className="bg-ui-border-base mx-1 h-px w-6" />}
      </li>
    ))}
  </ol>
)

const UploadStep = ({ contract, onUploaded }: { contract: Contract; onUploaded: (id: string) => void }) => {
  const [file, setFile] = useState<File | null>(null)
  const [apply, setApply] = useState(false)
  const upload = useUploadPriceImport(contract.id)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) return
    upload.mutate({ file, apply }, { onSuccess: ({ price_import }) => onUploaded(price_import.id) })
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-y-4">
      <div className="flex flex-col gap-y-1">
        <Text size="small">
          The file is the contract&apos;s whole price list: prices it does not list are removed. Nothing changes until you have seen the diff and applied it (unless you switch on applying at once).
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          Columns (header line, any order): <code>sku</code> or <code>variant_id</code> (or both), <code>currency</code> ({contract.currency_code}), <code>amount</code> (a dot for decimals), <code>min_quantity</code>, <code>max_quantity</code> (empty: no bound). One line per variant and band; bands of a variant must not overlap.
        </Text>
        <pre className="bg-ui-bg-subtle txt-compact-xsmall rounded-md p-2">{`sku,currency,amount,min_quantity,max_quantity\nSHIRT-M,${contract.currency_code},19.90,1,49\nSHIRT-M,${contract.currency_code},17.50,50,`}</pre>
      </div>
      <div className="flex flex-col gap-y-1">
        <Label htmlFor="price-import-file" size="small" weight="plus">
          Prices CSV
        </Label>
        <input
          id="price-import-file"
          type="file"
          accept=".csv,text/csv"
          className="txt-small text-ui-fg-subtle file:bg-ui-button-neutral file:text-ui-fg-base file:border-ui-border-base file:mr-3 file:rounded-md file:border file:px-2 file:py-1"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </div>
      <SwitchField id="price-import-apply" label="Apply as soon as it is valid" hint="Skips the review: a valid file is applied at once." checked={apply} onCheckedChange={setApply} />
      {upload.isError && (
        <Text size="small" className="text-ui-fg-error">
          {errorMessage(upload.error)}
        </Text>
      )}
      <div className="flex justify-end">
        <Button size="small" type="submit" disabled={!file} isLoading={upload.isPending}>
          Upload and validate
        </Button>
      </div>
    </form>
  )
}

const ValidateStep = ({ job }: { job: PriceImport }) =>
  job.status === "invalid" ? (
    <ImportErrorsTable job={job} />
  ) : (
    <div className="flex flex-col gap-y-3">
      <Text size="small">The file is read, checked line by line and compared with the price list on the server; you can close this and come back.</Text>
      <ProgressBar done={job.bytes_read} total={job.file_size} caption={`${megabytes(job.bytes_read)} of ${megabytes(job.file_size)} read · ${job.rows_total.toLocaleString()} lines, ${job.rows_with_errors.toLocaleString()} with problems`} />
      {job.rows_with_errors > 0 && <ImportErrorsTable job={job} />}
    </div>
  )

const ApplyStep = ({ job }: { job: PriceImport }) => {
  const total = job.added + job.changed + job.removed
  if (job.status === "applied") {
    return (
      <Text size="small">
        Applied {formatDateTime(job.finished_at)}: {job.added.toLocaleString()} added, {job.changed.toLocaleString()} changed, {job.removed.toLocaleString()} removed, {job.unchanged.toLocaleString()} unchanged.
      </Text>
    )
  }
  if (job.status === "failed") {
    return (
      <div className="flex flex-col gap-y-2">
        <ProgressBar done={job.applied} total={total} caption="rolled back" failed />
        <Text size="small" className="text-ui-fg-error">
          {job.failure ?? "The import failed."}
        </Text>
      </div>
    )
  }
  return <ProgressBar done={job.applied} total={total} caption={`${job.applied.toLocaleString()} of ${total.toLocaleString()} changes written`} />
}

/**
 * The contract's price import: upload a CSV → its line-numbered errors (line and column) or the
 * dry-run diff (added, changed, removed, unchanged, rows shown a page at a time) → apply → live
 * progress. Opened on an existing import (`importId`), it resumes at that import's step.
 */
export const PriceImportWizard = ({
  contract,
  open,
  onOpenChange,
  importId,
}: {
  contract: Contract
  open: boolean
  onOpenChange: (open: boolean) => void
  importId: string | null
}) => {
  const [id, setId] = useState<string | null>(importId)
  useEffect(() => {
    if (open) setId(importId)
  }, [open, importId])
  const { data, error, isError } = usePriceImport(id)
  const job = id ? data?.price_import : undefined
  const apply = useApplyPriceImport()
  const prompt = usePrompt()
  const step = stepOf(job)

  const onApply = async () => {
    if (!job) return
    if (job.removed > 0) {
      const confirmed = await prompt({
        title: `Remove ${job.removed.toLocaleString()} prices?`,
        description: "The file does not list them, so applying it removes them from the contract. Employees then pay another price for those variants and bands.",
        confirmText: "Apply",
        cancelText: "Cancel",
      })
      if (!confirmed) return
    }
    apply.mutate(job.id, { onError: (e) => toast.error("Could not apply the import", { description: errorMessage(e) }) })
  }
  const nothingToDo = !!job && job.status === "ready" && job.added + job.changed + job.removed === 0

  return (
    <FocusModal open={open} onOpenChange={onOpenChange}>
      <FocusModal.Content>
        <FocusModal.Header>
          <div className="flex w-full items-center justify-between gap-x-4 pr-4">
            <Steps current={step} />
            <div className="flex items-center gap-x-2">
              {job && <ImportStatusBadge status={job.status} />}
              {(job?.status === "invalid" || job?.status === "applied" || (job?.status === "failed" && !job.validated_at)) && (
                <Button size="small" variant="secondary" onClick={() => setId(null)}>
                  Upload another file
                </Button>
              )}
              {(job?.status === "ready" || (job?.status === "failed" && job.validated_at)) && (
                <Button size="small" onClick={() => void onApply()} isLoading={apply.isPending} disabled={nothingToDo}>
                  {nothingToDo ? "Nothing to change" : job.status === "failed" ? "Apply again" : "Apply changes"}
                </Button>
              )}
            </div>
          </div>
        </FocusModal.Header>
        <FocusModal.Body className="flex flex-col items-center overflow-y-auto py-8">
          <div className="flex w-full max-w-[960px] flex-col gap-y-4 px-6">
            <div>
              <Heading level="h2">Import prices into “{contract.title}”</Heading>
              {job && (
                <Text size="small" className="text-ui-fg-subtle">
                  {job.file_name} · {megabytes(job.file_size)} · uploaded {formatDateTime(job.created_at)}
                </Text>
              )}
            </div>
            {isError && id && (
              <Text size="small" className="text-ui-fg-error">
                {errorMessage(error)}
              </Text>
            )}
            {!id && <UploadStep contract={contract} onUploaded={setId} />}
            {job && step === 1 && <ValidateStep job={job} />}
            {job && step === 2 && <ImportDiffPreview job={job} />}
            {job && step === 3 && (
              <>
                <ApplyStep job={job} />
                {job.validated_at && <ImportDiffPreview job={job} />}
              </>
            )}
          </div>
        </FocusModal.Body>
      </FocusModal.Content>
    </FocusModal>
  )
}
