import { CheckCircleSolid, XCircleSolid } from "@medusajs/icons"
import { Text } from "@medusajs/ui"
import { formatDateTime } from "../../lib/format"
import { countryName } from "../../lib/segment-labels"
import type { ExplainedNode } from "../../lib/segment-types"

const GROUP_TEXT: Record<string, string> = { and: "All of", or: "Any of", not: "Not" }

/** The server writes ids into its descriptions; shown with their names where the dashboard knows them. */
const withNames = (text: string, nameOf: (id: string) => string | undefined) =>
  text.replace(/\b[a-z]+_[0-9A-Za-z]{10,}\b/g, (id) => nameOf(id) ?? id)

/**
 * The fact a condition looked at, readable: names for ids, countries by name, days for
 * timestamps, "nothing recorded" for no value.
 */
export function formatFactValue(value: unknown, nameOf: (id: string) => string | undefined, kind?: string): string {
  if (value === null || value === undefined) {
    return "nothing recorded"
  }
  if (Array.isArray(value)) {
    return value.length ? value.map((item) => formatFactValue(item, nameOf, kind)).join(", ") : "none"
  }
  if ((kind === "country" || kind === "region") && typeof value === "string" && /^[a-z]{2}$/i.test(value)) {
    return countryName(value)
  }
  if (typeof value === "boolean") {
    return value ? "yes" : "no"
  }
  if (typeof value === "string") {
    if (/^\d{4}-\d{2}-\d{2}T/.test(value)) {
      return formatDateTime(value)
    }
    return nameOf(value) ?? value
  }
  if (typeof value === "number") {
    return String(value)
  }
  return JSON.stringify(value)
}

/**
 * A tree evaluated for one customer, node by node: what each group or condition asks, the fact
 * it looked at, and whether it held (green) or not (red).
 */
export const ExplainTree = ({ node, nameOf }: { node: ExplainedNode; nameOf: (id: string) => string | undefined }) => {
  const isGroup = node.kind === "and" || node.kind === "or" || node.kind === "not"
  return (
    <li className="flex flex-col gap-y-1" data-path={node.path}>
      <div className="flex items-start gap-x-2">
        {node.result ? (
          <CheckCircleSolid className="text-ui-tag-green-icon mt-0.5 shrink-0" aria-hidden />
        ) : (
          <XCircleSolid className="text-ui-tag-red-icon mt-0.5 shrink-0" aria-hidden />
        )}
        <div className="flex min-w-0 flex-col">
          <Text size="small" weight={isGroup ? "plus" : "regular"} className="break-words">
            <span className="sr-only">{node.result ? "True: " : "False: "}</span>
            {isGroup ? GROUP_TEXT[node.kind] : withNames(node.description, nameOf)}
          </Text>
          {"value" in node && (
            <Text size="xsmall" className="text-ui-fg-subtle">
              Looked at: <span className="text-ui-fg-base">{formatFactValue(node.value, nameOf, node.kind)}</span>
            </Text>
          )}
        </div>
      </div>
      {node.children && node.children.length > 0 && (
        <ul className="border-ui-border-base ml-2 flex flex-col gap-y-2 border-l pl-4">
          {node.children.map((child) => (
            <ExplainTree key={child.path} node={child} nameOf={nameOf} />
          ))}
        </ul>
      )}
    </li>
  )
}
