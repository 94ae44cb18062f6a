import { Text } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useStoreCurrencies } from "../../hooks/use-segment-lookups"
import { useSegmentFields } from "../../hooks/use-segments"
import { errorMessage } from "../../lib/error-message"
import { buildDefinition, newGroup, parseDefinition, type DraftGroup } from "../../lib/segment-tree"
import type { AdminSegmentFieldsResponse } from "../../lib/segment-types"
import { GroupEditor, type TreeContext } from "./group-editor"

type Definition = Record<string, unknown>

/**
 * A condition tree of the segment language edited with the segment builder's own groups and
 * fields, for conditions that are not segments (an automation's entry conditions, a split). An
 * empty tree is `null`; the server validates the tree when the owner is saved.
 */
export const ConditionTreeField = ({ value, onChange }: { value: Definition | null; onChange: (definition: Definition | null) => void }) => {
  const catalog = useSegmentFields()
  const { data: currencies } = useStoreCurrencies()
  if (catalog.error) {
    return (
      <Text size="small" className="text-ui-fg-error">
        {errorMessage(catalog.error)}
      </Text>
    )
  }
  if (!catalog.data) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        Loading the condition fields…
      </Text>
    )
  }
  return <ConditionTreeEditor catalog={catalog.data} value={value} onChange={onChange} defaultCurrency={currencies?.[0]?.code} />
}

const ConditionTreeEditor = ({
  catalog,
  value,
  onChange,
  defaultCurrency,
}: {
  catalog: AdminSegmentFieldsResponse
  value: Definition | null
  onChange: (definition: Definition | null) => void
  defaultCurrency?: string
}) => {
  const fieldMap = useMemo(() => new Map(catalog.fields.map((field) => [field.field as string, field])), [catalog.fields])
  // The draft is made once: the definition given back on every change must not reset what is typed.
  const [tree, setTree] = useState<DraftGroup>(() => (value ? parseDefinition(value, fieldMap) : newGroup("and")))
  const context: TreeContext = {
    fields: catalog.fields,
    issues: new Map(),
    inputs: { countryLists: catalog.country_lists, timeUnits: ["days", "weeks", "months", "years"] },
    defaultCurrency,
  }
  const change = (next: DraftGroup) => {
    setTree(next)
    onChange(next.children.length ? (buildDefinition(next, fieldMap).definition as Definition) : null)
  }
  return <GroupEditor group={tree} onChange={change} tree={context} />
}
