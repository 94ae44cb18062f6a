import { Input, Textarea } from "@medusajs/ui"
import { useRef, type RefObject } from "react"
import { insertVariable, type TemplateDraft, type TemplatePart, type TemplateVariable } from "../../lib/email-campaign-draft"
import { FormField } from "../common/form-field"
import { VariableChips } from "./variable-chips"

type Field = HTMLInputElement | HTMLTextAreaElement

/** Subject, HTML and text of one language's template, with the variable chips over them. */
export const TemplateFields = ({
  template,
  onChange,
  errors,
  readOnly,
}: {
  template: TemplateDraft
  onChange: (patch: Partial<TemplateDraft>) => void
  errors: Partial<Record<TemplatePart | "language", string>>
  readOnly: boolean
}) => {
  const subjectRef = useRef<HTMLInputElement>(null)
  const htmlRef = useRef<HTMLTextAreaElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const refs: Record<TemplatePart, RefObject<Field | null>> = { subject: subjectRef, html: htmlRef, text: textRef }
  // Where a chip inserts: the field last focused (the HTML body until one was).
  const target = useRef<TemplatePart>("html")

  const insert = (name: TemplateVariable) => {
    const part = target.current
    const field = refs[part].current
    const value = template[part]
    const start = field?.selectionStart ?? value.length
    const { value: next, caret } = insertVariable(value, start, field?.selectionEnd ?? start, name)
    onChange({ [part]: next })
    requestAnimationFrame(() => {
      field?.focus()
      field?.setSelectionRange(caret, caret)
    })
  }

  const id = (part: TemplatePart) => `template-${template.language}-${part}`
  return (
    <div className="flex flex-col gap-y-4">
      <VariableChips onInsert={insert} disabled={readOnly} />
      <FormField id={id("subject")} label="Subject" error={errors.subject}>
        <Input
          id={id("subject")}
          ref={subjectRef}
          value={template.subject}
          disabled={readOnly}
          onFocus={() => (target.current = "subject")}
          onChange={(event) => onChange({ subject: event.target.value })}
          placeholder="{{first_name}}, something new for you"
          aria-invalid={!!errors.subject || undefined}
        />
      </FormField>
      <FormField id={id("html")} label="HTML" hint="Links are tracked and get the UTM tags; an open pixel is added." error={errors.html}>
        <Textarea
          id={id("html")}
          ref={htmlRef}
          rows={14}
          spellCheck={false}
          className="font-mono text-xs"
          value={template.html}
          disabled={readOnly}
          onFocus={() => (target.current = "html")}
          onChange={(event) => onChange({ html: event.target.value })}
          aria-invalid={!!errors.html || undefined}
        />
      </FormField>
      <FormField id={id("text")} label="Plain text" hint="For mail clients that show no HTML." error={errors.text}>
        <Textarea
          id={id("text")}
          ref={textRef}
          rows={6}
          spellCheck={false}
          className="font-mono text-xs"
          value={template.text}
          disabled={readOnly}
          onFocus={() => (target.current = "text")}
          onChange={(event) => onChange({ text: event.target.value })}
          aria-invalid={!!errors.text || undefined}
        />
      </FormField>
    </div>
  )
}
