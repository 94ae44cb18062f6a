import { Badge, Text } from "@medusajs/ui"
import { TEMPLATE_VARIABLES, type TemplateVariable } from "../../lib/email-campaign-draft"

const MEANING: Record<TemplateVariable, string> = {
  first_name: "The customer's first name",
  points: "Their loyalty points balance",
  tier: "Their loyalty tier",
  recommended_products: "Popular products they have not bought",
  unsubscribe_url: "Their one-click unsubscribe link",
}

/**
 * The template variables as chips; a click inserts `{{name}}` where the caret was in the field
 * last edited. The chip does not take the focus, so the field keeps its selection.
 */
export const VariableChips = ({ onInsert, disabled }: { onInsert: (name: TemplateVariable) => void; disabled?: boolean }) => (
  <div className="flex flex-wrap items-center gap-1.5">
    <Text size="xsmall" className="text-ui-fg-subtle mr-1">
      Insert:
    </Text>
    {TEMPLATE_VARIABLES.map((name) => (
      <button
        key={name}
        type="button"
        disabled={disabled}
        title={MEANING[name]}
        aria-label={`Insert {{${name}}}: ${MEANING[name]}`}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => onInsert(name)}
        className="rounded-md outline-none focus-visible:shadow-borders-focus disabled:opacity-50"
      >
        <Badge size="2xsmall" color="blue" className="cursor-pointer font-mono">{`{{${name}}}`}</Badge>
      </button>
    ))}
  </div>
)
