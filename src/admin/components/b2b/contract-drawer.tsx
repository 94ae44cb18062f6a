import { Input, Select, Textarea } from "@medusajs/ui"
import { useStoreCurrencies } from "../../hooks/use-segment-lookups"
import { EntityDrawer, type EntityDrawerProps, type FieldErrors } from "../common/entity-drawer"
import { FormField } from "../common/form-field"
import { CONTRACT_STATUSES, type Contract, type ContractPayload, type ContractStatus } from "./types"
import { useSaveContract } from "./use-b2b"

const FIELDS = ["title", "status", "valid_from", "valid_to", "currency_code", "renewal_reminder_days", "notes"] as const
type Field = (typeof FIELDS)[number]
type Draft = {
  title: string
  status: ContractStatus
  valid_from: string
  valid_to: string
  currency_code: string
  renewal_reminder_days: string
  notes: string
  /** The days as loaded: an unchanged day is not sent back (the server reads a bare day as its start or end). */
  loaded: { valid_from: string; valid_to: string } | null
}

/** The UTC day of an ISO time, as the server reads a bare day. */
const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : "")

const toDraft = (contract: Contract | null): Draft => ({
  title: contract?.title ?? "",
  status: contract?.status ?? "draft",
  valid_from: day(contract?.valid_from) || new Date().toISOString().slice(0, 10),
  valid_to: day(contract?.valid_to),
  currency_code: contract?.currency_code ?? "",
  renewal_reminder_days: String(contract?.renewal_reminder_days ?? 30),
  notes: contract?.notes ?? "",
  loaded: contract ? { valid_from: day(contract.valid_from), valid_to: day(contract.valid_to) } : null,
})

function toPayload(draft: Draft): { payload?: ContractPayload; errors: FieldErrors<Field> } {
  const errors: FieldErrors<Field> = {}
  if (!draft.title.trim()) errors.title = "title must not be empty"
  if (!draft.valid_from) errors.valid_from = "valid_from: the first day the contract prices apply"
  if (draft.valid_to && draft.valid_from && draft.valid_to < draft.valid_from) errors.valid_to = "valid_to must not be before valid_from"
  if (!/^[a-z]{3}$/.test(draft.currency_code)) errors.currency_code = "currency_code: choose the contract's currency"
  const days = Number(draft.renewal_reminder_days)
  if (!Number.isInteger(days) || days < 0 || days > 365) errors.renewal_reminder_days = "renewal_reminder_days must be a whole number between 0 and 365"
  if (Object.keys(errors).length) return { errors }
  const payload: ContractPayload = {
    title: draft.title.trim(),
    status: draft.status,
    currency_code: draft.currency_code,
    renewal_reminder_days: days,
    notes: draft.notes.trim() || null,
  }
  if (!draft.loaded || draft.loaded.valid_from !== draft.valid_from) payload.valid_from = draft.valid_from
  if (!draft.loaded || draft.loaded.valid_to !== draft.valid_to) payload.valid_to = draft.valid_to || null
  return { errors, payload }
}

/**
 * The contract editor: title, status, validity (its price list's starts_at / ends_at, both days
 * included), currency, renewal reminder days and notes. An active contract overlapping another
 * active one of the company is refused by the server, naming it, under the dates.
 */
export const ContractDrawer = ({ companyId, ...props }: EntityDrawerProps<Contract> & { companyId: string }) => {
  const save = useSaveContract(companyId)
  const currencies = useStoreCurrencies()
  return (
    <EntityDrawer
      {...props}
      noun="contract"
      description="The prices a company pays, as a Medusa price list ruled on its customer group."
      toDraft={toDraft}
      toPayload={toPayload}
      fields={FIELDS}
      mutation={save}
      savedName={({ contract }) => contract.title}
    >
      {({ draft, set, errors }) => (
        <>
          <FormField id="contract-title" label="Title" error={errors.title}>
            <Input id="contract-title" value={draft.title} onChange={(e) => set("title", e.target.value)} />
          </FormField>
          <FormField id="contract-status" label="Status" error={errors.status} hint="Only an active contract's prices apply, and only within its validity. A company has one active contract at a time.">
            <Select value={draft.status} onValueChange={(value) => set("status", value as ContractStatus)}>
              <Select.Trigger id="contract-status">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {CONTRACT_STATUSES.map((s) => (
                  <Select.Item key={s} value={s}>
                    {s.charAt(0).toUpperCase() + s.slice(1)}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          <div className="grid grid-cols-2 gap-3">
            <FormField id="contract-from" label="Valid from" error={errors.valid_from}>
              <Input id="contract-from" type="date" value={draft.valid_from} onChange={(e) => set("valid_from", e.target.value)} />
            </FormField>
            <FormField id="contract-to" label="Valid to" error={errors.valid_to} hint="Included (UTC). Empty: open-ended." optional>
              <Input id="contract-to" type="date" value={draft.valid_to} onChange={(e) => set("valid_to", e.target.value)} />
            </FormField>
          </div>
          <FormField id="contract-currency" label="Currency" error={errors.currency_code} hint="The currency of every price of the contract (one the store sells in).">
            <Select value={draft.currency_code} onValueChange={(value) => set("currency_code", value)}>
              <Select.Trigger id="contract-currency">
                <Select.Value placeholder={currencies.isLoading ? "Loading…" : "Choose"} />
              </Select.Trigger>
              <Select.Content>
                {(currencies.data ?? []).map((c) => (
                  <Select.Item key={c.code} value={c.code}>
                    {c.code.toUpperCase()}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          <FormField id="contract-renewal" label="Renewal reminder (days before it ends)" error={errors.renewal_reminder_days} hint="The company's account manager is e-mailed this many days before valid to.">
            <Input id="contract-renewal" type="number" min="0" max="365" value={draft.renewal_reminder_days} onChange={(e) => set("renewal_reminder_days", e.target.value)} />
          </FormField>
          <FormField id="contract-notes" label="Notes" error={errors.notes} optional>
            <Textarea id="contract-notes" rows={4} value={draft.notes} onChange={(e) => set("notes", e.target.value)} />
          </FormField>
        </>
      )}
    </EntityDrawer>
  )
}
