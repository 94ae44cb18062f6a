import { XMarkMini } from "@medusajs/icons"
import { Badge, clx } from "@medusajs/ui"
import { useState, type ClipboardEvent, type KeyboardEvent } from "react"

/**
 * A list of free-text values (e-mail domains, cities, SKUs) typed as chips: Enter, comma or
 * leaving the field adds what was typed, Backspace on an empty field takes the last one back, and
 * a pasted list (commas, semicolons or new lines) adds each of its values.
 */
export const TagInput = ({
  id,
  label,
  value,
  onChange,
  placeholder,
  invalid = false,
}: {
  id: string
  label: string
  value: string[]
  onChange: (value: string[]) => void
  placeholder?: string
  invalid?: boolean
}) => {
  const [draft, setDraft] = useState("")

  const add = (text: string) => {
    const parts = text
      .split(/[,;\n]/)
      .map((part) => part.trim())
      .filter(Boolean)
    const next = [...value, ...parts.filter((part, index) => !value.includes(part) && parts.indexOf(part) === index)]
    if (next.length !== value.length) {
      onChange(next)
    }
    setDraft("")
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault()
      add(draft)
    } else if (event.key === "Backspace" && !draft && value.length) {
      onChange(value.slice(0, -1))
    }
  }

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData("text")
    if (/[,;\n]/.test(text)) {
      event.preventDefault()
      add(`${draft}${text}`)
    }
  }

  return (
    <div
      className={clx(
        "bg-ui-bg-field shadow-borders-base focus-within:shadow-borders-interactive-with-active flex min-h-8 flex-wrap items-center gap-1 rounded-md px-1.5 py-1",
        invalid && "shadow-borders-error"
      )}
    >
      {value.map((item) => (
        <Badge key={item} size="2xsmall" className="gap-x-0.5 pr-0.5">
          {item}
          <button
            type="button"
            aria-label={`Remove ${item} from ${label}`}
            onClick={() => onChange(value.filter((v) => v !== item))}
            className="text-ui-fg-muted hover:text-ui-fg-base rounded-sm"
          >
            <XMarkMini />
          </button>
        </Badge>
      ))}
      <input
        id={id}
        aria-label={label}
        value={draft}
        placeholder={value.length ? undefined : placeholder}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onBlur={() => draft.trim() && add(draft)}
        className="txt-compact-small text-ui-fg-base placeholder:text-ui-fg-muted min-w-[120px] flex-1 bg-transparent px-1 outline-none"
      />
    </div>
  )
}
