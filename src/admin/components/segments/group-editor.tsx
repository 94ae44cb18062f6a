import { Plus, Trash } from "@medusajs/icons"
import { Badge, Button, IconButton, Text, clx } from "@medusajs/ui"
import { newCondition, newGroup, type DraftGroup, type DraftNode, type NodeIssue } from "../../lib/segment-tree"
import type { FieldDescription } from "../../lib/segment-types"
import { AddConditionMenu } from "./add-condition-menu"
import type { ConditionInputContext } from "./condition-input"
import { ConditionEditor } from "./condition-editor"
import { NegateToggle } from "./negate-toggle"
import { NodeIssues } from "./node-issues"

/** Everything a node of the tree needs from the builder, passed down unchanged through the groups. */
export type TreeContext = {
  fields: FieldDescription[]
  issues: Map<string, NodeIssue[]>
  inputs: ConditionInputContext
  defaultCurrency?: string
}

const CONNECTOR = { and: "AND", or: "OR" } as const

/**
 * A group of the tree: all (AND) or any (OR) of its children, optionally negated, with its
 * conditions and nested groups, and buttons to add either. The root group cannot be removed.
 */
export const GroupEditor = ({
  group,
  onChange,
  onRemove,
  tree,
  depth = 0,
}: {
  group: DraftGroup
  onChange: (group: DraftGroup) => void
  onRemove?: () => void
  tree: TreeContext
  depth?: number
}) => {
  const setChild = (index: number, child: DraftNode) =>
    onChange({ ...group, children: group.children.map((current, i) => (i === index ? child : current)) })
  const removeChild = (index: number) => onChange({ ...group, children: group.children.filter((_, i) => i !== index) })
  const add = (child: DraftNode) => onChange({ ...group, children: [...group.children, child] })
  const issues = tree.issues.get(group.id) ?? []
  const label = depth === 0 ? "Conditions" : "Group"

  return (
    <div
      role="group"
      aria-label={`${label}: ${group.op === "and" ? "all" : "any"} of ${group.children.length}`}
      className={clx(
        "flex flex-col gap-y-2 rounded-lg",
        depth > 0 && "bg-ui-bg-subtle border-ui-border-base border border-dashed p-3",
        group.negated && "border-l-ui-tag-red-icon border-l-4 border-solid",
        issues.some((issue) => !issue.soft) && "ring-ui-border-error ring-1"
      )}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {group.negated && (
          <Text size="xsmall" weight="plus" className="text-ui-tag-red-text font-mono">
            NOT
          </Text>
        )}
        <Text size="small" className="text-ui-fg-subtle">
          Match
        </Text>
        <div className="bg-ui-bg-field shadow-borders-base inline-flex rounded-md p-0.5" role="group" aria-label="Match all or any">
          {(["and", "or"] as const).map((op) => (
            <button
              key={op}
              type="button"
              aria-pressed={group.op === op}
              onClick={() => onChange({ ...group, op })}
              className={clx(
                "txt-compact-xsmall-plus rounded px-2 py-1",
                group.op === op ? "bg-ui-bg-base shadow-elevation-card-rest text-ui-fg-base" : "text-ui-fg-muted hover:text-ui-fg-subtle"
              )}
            >
              {op === "and" ? "ALL" : "ANY"}
            </button>
          ))}
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          of the following
        </Text>
        <div className="ml-auto flex items-center gap-x-1">
          <NegateToggle negated={group.negated} onChange={(negated) => onChange({ ...group, negated })} what="group" />
          {onRemove && (
            <IconButton size="small" variant="transparent" type="button" aria-label="Remove group" onClick={onRemove}>
              <Trash />
            </IconButton>
          )}
        </div>
      </div>

      {group.children.length === 0 && (
        <Text size="small" className="text-ui-fg-muted py-2">
          {depth === 0 ? "No conditions yet: every customer matches. Add a condition to narrow the segment." : "An empty group: add a condition, or remove it."}
        </Text>
      )}
      {group.children.map((child, index) => (
        <div key={child.id} className="flex flex-col gap-y-2">
          {index > 0 && (
            <Badge size="2xsmall" color={group.op === "and" ? "blue" : "orange"} className="self-start font-mono">
              {CONNECTOR[group.op]}
            </Badge>
          )}
          {child.type === "group" ? (
            <GroupEditor group={child} onChange={(next) => setChild(index, next)} onRemove={() => removeChild(index)} tree={tree} depth={depth + 1} />
          ) : (
            <ConditionEditor
              condition={child}
              fields={tree.fields}
              onChange={(next) => setChild(index, next)}
              onRemove={() => removeChild(index)}
              issues={tree.issues.get(child.id) ?? []}
              context={tree.inputs}
              defaultCurrency={tree.defaultCurrency}
            />
          )}
        </div>
      ))}
      <NodeIssues issues={issues} />
      <div className="flex flex-wrap gap-2">
        <AddConditionMenu fields={tree.fields} onAdd={(field) => add(newCondition(field, { currency: tree.defaultCurrency }))} />
        <Button size="small" variant="transparent" type="button" onClick={() => add(newGroup(group.op === "and" ? "or" : "and"))}>
          <Plus />
          Add group
        </Button>
      </div>
    </div>
  )
}
