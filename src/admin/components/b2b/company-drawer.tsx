import { Input, Select } from "@medusajs/ui"
import { EntityDrawer, type EntityDrawerProps, type FieldErrors } from "../common/entity-drawer"
import { FormField } from "../common/form-field"
import { COMPANY_STATUSES, type Company, type CompanyPayload, type CompanyStatus } from "./types"
import { useSaveCompany } from "./use-b2b"

const FIELDS = ["name", "tax_id", "country_code", "contact_name", "contact_email", "contact_phone", "status", "account_manager_email"] as const
type Field = (typeof FIELDS)[number]
type Draft = Record<Exclude<Field, "status">, string> & { status: CompanyStatus }

const toDraft = (company: Company | null): Draft => ({
  name: company?.name ?? "",
  tax_id: company?.tax_id ?? "",
  country_code: company?.country_code ?? "",
  contact_name: company?.contact_name ?? "",
  contact_email: company?.contact_email ?? "",
  contact_phone: company?.contact_phone ?? "",
  status: company?.status ?? "active",
  account_manager_email: company?.account_manager_email ?? "",
})

const orNull = (value: string) => value.trim() || null

function toPayload(draft: Draft): { payload?: CompanyPayload; errors: FieldErrors<Field> } {
  const errors: FieldErrors<Field> = {}
  if (!draft.name.trim()) errors.name = "name must not be empty"
  if (draft.country_code.trim() && !/^[a-z]{2}$/i.test(draft.country_code.trim())) errors.country_code = "country_code must be a two-letter country code, e.g. de"
  if (Object.keys(errors).length) return { errors }
  return {
    errors,
    payload: {
      name: draft.name.trim(),
      tax_id: orNull(draft.tax_id),
      country_code: orNull(draft.country_code)?.toLowerCase() ?? null,
      contact_name: orNull(draft.contact_name),
      contact_email: orNull(draft.contact_email),
      contact_phone: orNull(draft.contact_phone),
      status: draft.status,
      account_manager_email: orNull(draft.account_manager_email),
    },
  }
}

const TEXT_FIELDS: { field: Exclude<Field, "status" | "name">; label: string; hint?: string; type?: string }[] = [
  { field: "tax_id", label: "Tax id" },
  { field: "country_code", label: "Country", hint: "Two letters (ISO 3166-1), e.g. de" },
  { field: "contact_name", label: "Contact name" },
  { field: "contact_email", label: "Contact e-mail", type: "email" },
  { field: "contact_phone", label: "Contact phone" },
  { field: "account_manager_email", label: "Account manager e-mail", type: "email", hint: "Receives the renewal reminders of the company's contracts." },
]

/**
 * Creates or edits a company. A new company gets its own Medusa customer group (its employees'
 * group, which its contracts' price lists are ruled on); making it inactive drafts its price lists.
 */
export const CompanyDrawer = ({ onCreated, ...props }: EntityDrawerProps<Company> & { onCreated?: (company: Company) => void }) => {
  const save = useSaveCompany(onCreated)
  return (
    <EntityDrawer
      {...props}
      noun="company"
      description="A business customer with its own customer group, employees and contracts."
      toDraft={toDraft}
      toPayload={toPayload}
      fields={FIELDS}
      mutation={save}
      savedName={({ company }) => company.name}
    >
      {({ draft, set, errors }) => (
        <>
          <FormField id="company-name" label="Name" error={errors.name}>
            <Input id="company-name" value={draft.name} onChange={(e) => set("name", e.target.value)} />
          </FormField>
          <FormField id="company-status" label="Status" error={errors.status} hint="An inactive company's employees pay list prices: its contracts' price lists are drafts.">
            <Select value={draft.status} onValueChange={(value) => set("status", value as CompanyStatus)}>
              <Select.Trigger id="company-status">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {COMPANY_STATUSES.map((s) => (
                  <Select.Item key={s} value={s}>
                    {s === "active" ? "Active" : "Inactive"}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          {TEXT_FIELDS.map(({ field, label, hint, type }) => (
            <FormField key={field} id={`company-${field}`} label={label} hint={hint} error={errors[field]} optional>
              <Input id={`company-${field}`} type={type} value={draft[field]} onChange={(e) => set(field, e.target.value)} />
            </FormField>
          ))}
        </>
      )}
    </EntityDrawer>
  )
}
