import { Input, Select, Textarea } from "@medusajs/ui"
import { useStoreCurrencies } from "../../hooks/use-segment-lookups"
import { EntityDrawer, type EntityDrawerProps } from "../common/entity-drawer"
import { FormField } from "../common/form-field"
import { CONTRACT_FIELDS, toContractDraft, toContractPayload } from "./drafts"
import { CONTRACT_STATUSES, type Contract, type ContractStatus } from "./types"
import { useSaveContract } from "./use-b2b"

/**
 * The contract editor: title, status, validity (its price list's starts_at / ends_at, both days
 * included), currency, renewal reminder days and notes. An active contract overlapping another
 * active one of the company is refused by the server, naming it, under the dates.
 */
export const ContractDrawer = ({ companyId, onCreated, ...props }: EntityDrawerProps<Contract> & { companyId: string; onCreated?: (contract: Contract) => void }) => {
  const save = useSaveContract(companyId, onCreated)
  const currencies = useStoreCurrencies()
  return (
    <EntityDrawer
      {...props}
      noun="contract"
      description="The prices a company pays, as a Medusa price list ruled on its customer group."
      toDraft={toContractDraft}
      toPayload={toContractPayload}
      fields={CONTRACT_FIELDS}
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
