import { Plus, Trash } from "@medusajs/icons"
import { Button, Container, DropdownMenu, Heading, Tabs, Text } from "@medusajs/ui"
import { useState } from "react"
import { COMMON_LANGUAGES, languageName, newTemplate, type PlacedCampaignErrors, type TemplateDraft } from "../../lib/email-campaign-draft"
import { TemplateFields } from "./template-fields"

/**
 * The campaign's message per language, one tab each (a dot marks a tab the server found a problem
 * in); languages are added from a list and removed, except the default one. A customer gets the
 * template of their language, else the default language's.
 */
export const TemplateEditor = ({
  templates,
  defaultLanguage,
  onChange,
  errors,
  generalError,
  readOnly,
  active,
  onActiveChange,
}: {
  templates: TemplateDraft[]
  defaultLanguage: string
  onChange: (templates: TemplateDraft[]) => void
  errors: PlacedCampaignErrors["templates"]
  /** A message about the templates as a whole ("a template in the default language is required"). */
  generalError?: string
  readOnly: boolean
  /** The language whose tab is open (the preview follows it). */
  active: string
  onActiveChange: (language: string) => void
}) => {
  const [adding, setAdding] = useState(false)
  const languages = templates.map((t) => t.language)
  const addable = COMMON_LANGUAGES.filter((code) => !languages.includes(code))
  const current = templates.find((t) => t.language === active) ?? templates[0]

  const update = (language: string, patch: Partial<TemplateDraft>) =>
    onChange(templates.map((t) => (t.language === language ? { ...t, ...patch } : t)))
  const add = (language: string) => {
    onChange([...templates, newTemplate(language)])
    onActiveChange(language)
  }
  const remove = (language: string) => {
    const rest = templates.filter((t) => t.language !== language)
    onChange(rest)
    onActiveChange(rest[0]?.language ?? "")
  }

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <Heading level="h2">Message</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            One template per language; customers get theirs, or the default language&apos;s.
          </Text>
        </div>
        {!readOnly && (
          <DropdownMenu open={adding} onOpenChange={setAdding}>
            <DropdownMenu.Trigger asChild>
              <Button size="small" variant="secondary" disabled={!addable.length}>
                <Plus />
                Add language
              </Button>
            </DropdownMenu.Trigger>
            <DropdownMenu.Content align="end" className="max-h-[320px] overflow-y-auto">
              {addable.map((code) => (
                <DropdownMenu.Item key={code} onClick={() => add(code)}>
                  {languageName(code)} <span className="text-ui-fg-muted ml-1">({code})</span>
                </DropdownMenu.Item>
              ))}
            </DropdownMenu.Content>
          </DropdownMenu>
        )}
      </div>
      {generalError && (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {generalError}
        </Text>
      )}
      {current ? (
        <Tabs value={current.language} onValueChange={onActiveChange}>
          <Tabs.List>
            {templates.map((t) => (
              <Tabs.Trigger key={t.language} value={t.language} className="gap-x-1.5">
                {languageName(t.language)}
                {t.language === defaultLanguage && <span className="text-ui-fg-muted txt-compact-xsmall">default</span>}
                {errors[t.language] && <span aria-label="has problems" className="bg-ui-tag-red-icon size-1.5 rounded-full" />}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          {templates.map((t) => (
            <Tabs.Content key={t.language} value={t.language} className="pt-4">
              {errors[t.language]?.language && (
                <Text size="small" className="text-ui-fg-error mb-3">
                  {errors[t.language]?.language}
                </Text>
              )}
              <TemplateFields template={t} onChange={(patch) => update(t.language, patch)} errors={errors[t.language] ?? {}} readOnly={readOnly} />
              {!readOnly && (
                <div className="mt-4 flex justify-end">
                  <Button
                    size="small"
                    variant="transparent"
                    disabled={t.language === defaultLanguage || templates.length === 1}
                    title={t.language === defaultLanguage ? "The default language's template cannot be removed" : undefined}
                    onClick={() => remove(t.language)}
                  >
                    <Trash />
                    Remove {languageName(t.language)}
                  </Button>
                </div>
              )}
            </Tabs.Content>
          ))}
        </Tabs>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          No template yet: add a language.
        </Text>
      )}
    </Container>
  )
}
