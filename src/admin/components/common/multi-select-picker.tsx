import { CheckMini, MagnifyingGlass, Plus, XMarkMini } from "@medusajs/icons"
import { Badge, Button, Input, Popover, Text, clx } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { errorMessage } from "../../lib/error-message"
import type { PickerOption } from "../../lib/segment-types"

/**
 * Picks several ids (or one, with `single`) from a searched list: the chosen ones as chips, and a
 * popover with a search box over `options` (grouped by their `group`). The caller owns the search:
 * it gets the term through `onSearchChange` and answers with `options`, so the list may come from
 * the server (`/admin/products?q=`) or be filtered in the browser. `nameOf` names a chosen id that
 * is not among the current options.
 */
export const MultiSelectPicker = ({
  id,
  label,
  value,
  onChange,
  options,
  search,
  onSearchChange,
  isLoading = false,
  error,
  nameOf,
  addLabel = "Add",
  emptyText = "Nothing matches.",
  single = false,
  invalid = false,
}: {
  id: string
  /** What is picked ("Products"): the popover's and the chips' accessible names. */
  label: string
  value: string[]
  onChange: (value: string[]) => void
  options: PickerOption[]
  search: string
  onSearchChange: (term: string) => void
  isLoading?: boolean
  error?: unknown
  nameOf: (value: string) => string | undefined
  addLabel?: string
  emptyText?: string
  single?: boolean
  invalid?: boolean
}) => {
  const [open, setOpen] = useState(false)
  const chosen = new Set(value)

  const toggle = (option: string) => {
    if (single) {
      onChange([option])
      setOpen(false)
      return
    }
    onChange(chosen.has(option) ? value.filter((v) => v !== option) : [...value, option])
  }

  const groups = new Map<string, PickerOption[]>()
  for (const option of options) {
    const group = option.group ?? ""
    groups.set(group, [...(groups.get(group) ?? []), option])
  }

  let list: ReactNode
  if (error) {
    list = (
      <Text size="small" className="text-ui-fg-error p-3">
        {errorMessage(error)}
      </Text>
    )
  } else if (isLoading && !options.length) {
    list = (
      <Text size="small" className="text-ui-fg-muted p-3">
        Searching…
      </Text>
    )
  } else if (!options.length) {
    list = (
      <Text size="small" className="text-ui-fg-muted flex items-center gap-x-2 p-3">
        <MagnifyingGlass /> {emptyText}
      </Text>
    )
  } else {
    list = [...groups.entries()].map(([group, groupOptions]) => (
      <div key={group || "options"} role="group" aria-label={group || label}>
        {group && (
          <Text size="xsmall" weight="plus" className="text-ui-fg-muted px-3 pb-1 pt-2 uppercase">
            {group}
          </Text>
        )}
        {groupOptions.map((option) => {
          const selected = chosen.has(option.value)
          return (
            <button
              key={option.value}
              type="button"
              role="option"
              aria-selected={selected}
              onClick={() => toggle(option.value)}
              className="hover:bg-ui-bg-base-hover focus-visible:bg-ui-bg-base-hover flex w-full items-center gap-x-2 px-3 py-1.5 text-left outline-none"
            >
              <span className="flex size-4 shrink-0 items-center justify-center text-ui-fg-interactive">
                {selected && <CheckMini />}
              </span>
              <Text size="small" className="min-w-0 flex-1 truncate">
                {option.label}
              </Text>
              {option.hint && (
                <Text size="xsmall" className="text-ui-fg-muted shrink-0">
                  {option.hint}
                </Text>
              )}
            </button>
          )
        })}
      </div>
    ))
  }

  return (
    <div
      className={clx(
        "bg-ui-bg-field shadow-borders-base flex min-h-8 flex-wrap items-center gap-1 rounded-md px-1.5 py-1",
        invalid && "shadow-borders-error"
      )}
    >
      {value.map((item) => (
        <Badge key={item} size="2xsmall" className="max-w-[260px] gap-x-0.5 pr-0.5">
          <span className="truncate" title={item}>
            {nameOf(item) ?? item}
          </span>
          <button
            type="button"
            aria-label={`Remove ${nameOf(item) ?? item} from ${label}`}
            onClick={() => onChange(value.filter((v) => v !== item))}
            className="text-ui-fg-muted hover:text-ui-fg-base rounded-sm"
          >
            <XMarkMini />
          </button>
        </Badge>
      ))}
      <Popover open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <Button id={id} size="small" variant="transparent" type="button" className="h-6 px-1.5" aria-label={`${addLabel}: ${label}`}>
            <Plus />
            {value.length === 0 || single ? (single && value.length ? "Change" : addLabel) : null}
          </Button>
        </Popover.Trigger>
        <Popover.Content align="start" className="w-[360px] p-0">
          <div className="border-ui-border-base border-b p-2">
            <Input
              type="search"
              size="small"
              autoFocus
              aria-label={`Search ${label}`}
              placeholder="Search"
              value={search}
              onChange={(event) => onSearchChange(event.target.value)}
            />
          </div>
          <div role="listbox" aria-label={label} aria-multiselectable={!single} className="max-h-[280px] overflow-y-auto py-1">
            {list}
          </div>
        </Popover.Content>
      </Popover>
    </div>
  )
}
