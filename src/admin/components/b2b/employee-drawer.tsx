import { Input, Select } from "@medusajs/ui"
import { CustomerPicker } from "../email-campaigns/customer-picker"
import { EntityDrawer, type EntityDrawerProps } from "../common/entity-drawer"
import { FormField } from "../common/form-field"
import { EMPLOYEE_FIELDS, NONE, toEmployeeDraft, toEmployeePayload } from "./drafts"
import { EMPLOYEE_ROLES, SPENDING_LIMIT_PERIODS, type Employee, type EmployeeRole, type SpendingLimitPeriod } from "./types"
import { useSaveEmployee } from "./use-b2b"

/** Adds an existing customer as an employee (they join the company's customer group) or edits an employee's role and spending limit. */
export const EmployeeDrawer = ({ companyId, ...props }: EntityDrawerProps<Employee> & { companyId: string }) => {
  const save = useSaveEmployee(companyId)
  return (
    <EntityDrawer
      {...props}
      noun="employee"
      description="A customer who buys for the company at its contract prices."
      toDraft={toEmployeeDraft}
      toPayload={toEmployeePayload}
      fields={EMPLOYEE_FIELDS}
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
