import { Input, Select } from "@medusajs/ui"
import { CustomerPicker } from "../email-campaigns/customer-picker"
import { EntityDrawer, type EntityDrawerProps, type FieldErrors } from "../common/entity-drawer"
import { FormField } from "../common/form-field"
import { EMPLOYEE_ROLES, SPENDING_LIMIT_PERIODS, type Employee, type EmployeePayload, type EmployeeRole, type SpendingLimitPeriod } from "./types"
import { useSaveEmployee } from "./use-b2b"

const FIELDS = ["customer_id", "role", "spending_limit", "spending_limit_currency_code", "spending_limit_period"] as const
type Field = (typeof FIELDS)[number]
type Draft = { customer_id: string | null; role: EmployeeRole; spending_limit: string; spending_limit_currency_code: string; spending_limit_period: SpendingLimitPeriod | "" }

const NONE = "none"

const toDraft = (employee: Employee | null): Draft => ({
  customer_id: employee?.customer_id ?? null,
  role: employee?.role ?? "buyer",
  spending_limit: employee?.spending_limit === null || employee?.spending_limit === undefined ? "" : String(employee.spending_limit),
  spending_limit_currency_code: employee?.spending_limit_currency_code ?? "",
  spending_limit_period: employee?.spending_limit_period ?? "",
})

/** A spending limit is an amount in a currency per period: all three, or none (no limit). */
function toPayload(draft: Draft): { payload?: EmployeePayload; errors: FieldErrors<Field> } {
  const errors: FieldErrors<Field> = {}
  if (!draft.customer_id) errors.customer_id = "Choose the customer who works for the company."
  const amount = draft.spending_limit.trim()
  const currency = draft.spending_limit_currency_code.trim().toLowerCase()
  const limited = !!(amount || currency || draft.spending_limit_period)
  if (limited) {
    if (!amount || !(Number(amount) > 0)) errors.spending_limit = "spending_limit must be an amount above 0 (or clear all three: no limit)"
    if (!/^[a-z]{3}$/.test(currency)) errors.spending_limit_currency_code = "spending_limit_currency_code must be a three-letter currency code, e.g. eur"
    if (!draft.spending_limit_period) errors.spending_limit_period = "spending_limit_period: choose the period the limit is for"
  }
  if (Object.keys(errors).length) return { errors }
  return {
    errors,
    payload: {
      customer_id: draft.customer_id!,
      role: draft.role,
      spending_limit: limited ? Number(amount) : null,
      spending_limit_currency_code: limited ? currency : null,
      spending_limit_period: limited ? (draft.spending_limit_period as SpendingLimitPeriod) : null,
    },
  }
}

/** Adds an existing customer as an employee (they join the company's customer group) or edits an employee's role and spending limit. */
export const EmployeeDrawer = ({ companyId, ...props }: EntityDrawerProps<Employee> & { companyId: string }) => {
  const save = useSaveEmployee(companyId)
  return (
    <EntityDrawer
      {...props}
      noun="employee"
      description="A customer who buys for the company at its contract prices."
      toDraft={toDraft}
      toPayload={toPayload}
      fields={FIELDS}
      mutation={save}
      savedName={(saved) => {
        const e = saved.employee ?? saved.employees?.[0]
        return e?.customer?.email ?? e?.customer_id ?? ""
      }}
    >
      {({ draft, set, errors }) => (
        <>
          {props.entity ? (
            <FormField id="employee-customer" label="Customer">
              <Input id="employee-customer" disabled value={props.entity.customer?.email ?? props.entity.customer_id} />
            </FormField>
          ) : (
            <FormField id="employee-customer" label="Customer" error={errors.customer_id} hint="An existing customer account; a customer works for one company at most.">
              <CustomerPicker id="employee-customer" value={draft.customer_id} onChange={(id) => set("customer_id", id)} />
            </FormField>
          )}
          <FormField id="employee-role" label="Role" error={errors.role} hint="Buyers order; admins also manage the company's buyers in the storefront.">
            <Select value={draft.role} onValueChange={(value) => set("role", value as EmployeeRole)}>
              <Select.Trigger id="employee-role">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {EMPLOYEE_ROLES.map((r) => (
                  <Select.Item key={r} value={r}>
                    {r === "buyer" ? "Buyer" : "Admin"}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </FormField>
          <div className="grid grid-cols-3 gap-3">
            <FormField id="employee-limit" label="Spending limit" error={errors.spending_limit} optional>
              <Input id="employee-limit" type="number" min="0" step="0.01" value={draft.spending_limit} onChange={(e) => set("spending_limit", e.target.value)} />
            </FormField>
            <FormField id="employee-limit-currency" label="Currency" error={errors.spending_limit_currency_code}>
              <Input id="employee-limit-currency" placeholder="eur" maxLength={3} value={draft.spending_limit_currency_code} onChange={(e) => set("spending_limit_currency_code", e.target.value)} />
            </FormField>
            <FormField id="employee-limit-period" label="Per" error={errors.spending_limit_period}>
              <Select value={draft.spending_limit_period || NONE} onValueChange={(value) => set("spending_limit_period", value === NONE ? "" : (value as SpendingLimitPeriod))}>
                <Select.Trigger id="employee-limit-period">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={NONE}>—</Select.Item>
                  {SPENDING_LIMIT_PERIODS.map((p) => (
                    <Select.Item key={p} value={p}>
                      {p}
                    </Select.Item>
                  ))}
                </Select.Content>
              </Select>
            </FormField>
          </div>
        </>
      )}
    </EntityDrawer>
  )
}
