import { Container, Heading, Input, Select, Text } from "@medusajs/ui"
import { languageName, UTM_KEYS, type CampaignDraft, type CampaignField } from "../../lib/email-campaign-draft"
import type { AttributionModel } from "../../lib/email-campaign-types"
import { FormField } from "../common/form-field"

const MODELS: { value: AttributionModel; label: string }[] = [
  { value: "click", label: "A click within the window" },
  { value: "click_or_open", label: "A click or an open within the window" },
]

/** Holdout share, attribution window and model, languages and UTM tags of a campaign. */
export const CampaignSettingsSection = ({
  draft,
  onChange,
  errors,
  readOnly,
}: {
  draft: CampaignDraft
  onChange: (patch: Partial<CampaignDraft>) => void
  errors: Partial<Record<CampaignField, string>>
  readOnly: boolean
}) => (
  <Container className="flex flex-col gap-y-4 px-6 py-4">
    <div>
      <Heading level="h2">Measurement and languages</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        The holdout is never sent to: comparing its orders with the treated recipients' tells what the campaign added.
      </Text>
    </div>
    <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
      <FormField
        id="campaign-holdout"
        label="Holdout"
        hint="Share of the audience kept out, 0–50 %. The same people on any re-run."
        error={errors.holdout_percent}
      >
        <Input
          id="campaign-holdout"
          type="number"
          min={0}
          max={50}
          step={1}
          value={draft.holdout_percent}
          disabled={readOnly}
          onChange={(event) => onChange({ holdout_percent: event.target.value })}
          aria-invalid={!!errors.holdout_percent || undefined}
        />
      </FormField>
      <FormField id="campaign-window" label="Attribution window (days)" hint="Orders this long after the e-mail count." error={errors.attribution_window_days}>
        <Input
          id="campaign-window"
          type="number"
          min={1}
          max={90}
          step={1}
          value={draft.attribution_window_days}
          disabled={readOnly}
          onChange={(event) => onChange({ attribution_window_days: event.target.value })}
          aria-invalid={!!errors.attribution_window_days || undefined}
        />
      </FormField>
      <FormField id="campaign-model" label="An order is credited after" error={errors.attribution_model}>
        <Select
          value={draft.attribution_model}
          disabled={readOnly}
          onValueChange={(value) => onChange({ attribution_model: value as AttributionModel })}
        >
          <Select.Trigger id="campaign-model" aria-invalid={!!errors.attribution_model || undefined}>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {MODELS.map((model) => (
              <Select.Item key={model.value} value={model.value}>
                {model.label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField
        id="campaign-default-language"
        label="Default language"
        hint="For customers whose language has no template."
        error={errors.default_language}
      >
        <Select value={draft.default_language} disabled={readOnly} onValueChange={(default_language) => onChange({ default_language })}>
          <Select.Trigger id="campaign-default-language" aria-invalid={!!errors.default_language || undefined}>
            <Select.Value placeholder="Choose a template language" />
          </Select.Trigger>
          <Select.Content>
            {draft.templates.map((template) => (
              <Select.Item key={template.language} value={template.language}>
                {languageName(template.language)} ({template.language})
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </FormField>
      <FormField
        id="campaign-language-key"
        label="Customer's language from"
        hint="The customer metadata key holding their language code."
        error={errors.language_key}
      >
        <Input
          id="campaign-language-key"
          value={draft.language_key}
          disabled={readOnly}
          onChange={(event) => onChange({ language_key: event.target.value })}
          placeholder="language"
          aria-invalid={!!errors.language_key || undefined}
        />
      </FormField>
    </div>
    <div className="flex flex-col gap-y-2">
      <Text size="small" weight="plus">
        UTM tags <span className="text-ui-fg-muted font-normal">(optional, added to every link)</span>
      </Text>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {UTM_KEYS.map((key) => {
          const error = errors[`utm.${key}`]
          return (
            <FormField key={key} id={`campaign-utm-${key}`} label={`utm_${key}`} error={error}>
              <Input
                id={`campaign-utm-${key}`}
                size="small"
                value={draft.utm[key]}
                disabled={readOnly}
                onChange={(event) => onChange({ utm: { ...draft.utm, [key]: event.target.value } })}
                placeholder={{ source: "newsletter", medium: "email", campaign: "spring-2027", content: "hero" }[key]}
                aria-invalid={!!error || undefined}
              />
            </FormField>
          )
        })}
      </div>
    </div>
  </Container>
)
