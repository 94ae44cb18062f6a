import { Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useMemo, useState, type ReactNode } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useChangeEmailCampaignStatus, useSaveEmailCampaign, useSegmentsById } from "../../hooks/use-email-campaigns"
import {
  checkCampaignDraft,
  isDraftChanged,
  newCampaignDraft,
  placeCampaignErrors,
  scheduleSendAt,
  toCampaignDraft,
  toCampaignPayload,
  type CampaignDraft,
  type PlacedCampaignErrors,
  type ScheduleDraft,
} from "../../lib/email-campaign-draft"
import type { AdminEmailCampaignPayload, EmailCampaign, EmailCampaignTemplate } from "../../lib/email-campaign-types"
import { errorMessage, isInvalidData } from "../../lib/error-message"
import { formatDateTime } from "../../lib/format"
import { formatCount } from "../../lib/segment-format"
import { CampaignDetailsSection } from "./campaign-details-section"
import { CampaignPreviewPanel } from "./campaign-preview-panel"
import { CampaignScheduleSection } from "./campaign-schedule-section"
import { CampaignSettingsSection } from "./campaign-settings-section"
import { TemplateEditor } from "./template-editor"

const NO_ERRORS: PlacedCampaignErrors = { fields: {}, templates: {}, form: [] }

/** Where a refused request's message goes: under the inputs a 400 names, else above the form. */
function placeError(error: unknown, payload: Partial<AdminEmailCampaignPayload>): PlacedCampaignErrors {
  return isInvalidData(error) ? placeCampaignErrors(errorMessage(error), payload) : { ...NO_ERRORS, form: [errorMessage(error)] }
}

/**
 * The campaign editor: name, segment and sender; holdout, attribution and languages; schedule;
 * the templates per language; beside them the preview for a chosen customer and a test send.
 * "Save" creates the draft (then opens it) or updates it; "Schedule" saves what changed, asks, and
 * schedules it now or at the chosen time. Once sending started, everything is read-only.
 */
export const CampaignEditor = ({
  campaign,
  header,
  children,
  readOnly = false,
}: {
  campaign?: EmailCampaign & { templates: EmailCampaignTemplate[] }
  /** Status and actions of a saved campaign, beside the title. */
  header?: ReactNode
  /** What goes between the title and the form (progress, report). */
  children?: ReactNode
  readOnly?: boolean
}) => {
  const navigate = useNavigate()
  const prompt = usePrompt()
  const saved = useMemo(() => (campaign ? toCampaignDraft(campaign) : newCampaignDraft()), [campaign])
  const [draft, setDraft] = useState<CampaignDraft>(saved)
  const [schedule, setSchedule] = useState<ScheduleDraft>({ when: "now", at: "" })
  const [errors, setErrors] = useState<PlacedCampaignErrors>(NO_ERRORS)
  const [active, setActive] = useState(draft.default_language)
  const save = useSaveEmailCampaign()
  const changeStatus = useChangeEmailCampaignStatus()
  const segment = useSegmentsById(draft.segment_id ? [draft.segment_id] : []).data?.get(draft.segment_id)
  const changed = !campaign || isDraftChanged(draft, saved)
  const canSchedule = !readOnly && (!campaign || campaign.status === "draft")

  const change = (patch: Partial<CampaignDraft>) => {
    setDraft((current) => ({ ...current, ...patch }))
    setErrors(NO_ERRORS)
  }

  /** Saves the draft if it changed; answers the saved campaign's id, or null when refused. */
  const persist = async (): Promise<string | null> => {
    const local = checkCampaignDraft(draft)
    if (Object.keys(local).length) {
      setErrors({ ...NO_ERRORS, fields: local })
      return null
    }
    if (campaign && !changed) {
      return campaign.id
    }
    const payload = toCampaignPayload(draft)
    try {
      const { email_campaign } = await save.mutateAsync({ id: campaign?.id, body: payload })
      setDraft(toCampaignDraft(email_campaign))
      return email_campaign.id
    } catch (error) {
      setErrors(placeError(error, payload))
      return null
    }
  }

  const onSave = async () => {
    const id = await persist()
    if (!id) return
    toast.success(campaign ? "Campaign saved" : "Draft created", { description: draft.name })
    if (!campaign) navigate(`/email-campaigns/${id}`)
  }

  const onSchedule = async () => {
    const when = scheduleSendAt(schedule)
    if (when.error) {
      setErrors({ ...NO_ERRORS, fields: { send_at: when.error } })
      return
    }
    const audience = segment ? `the ${formatCount(segment.member_count)} members of “${segment.name}”` : "the segment's members"
    const confirmed = await prompt({
      title: when.send_at ? `Schedule “${draft.name || "this campaign"}” for ${formatDateTime(when.send_at)}?` : `Send “${draft.name || "this campaign"}” now?`,
      description: `It goes to ${audience} who accept marketing e-mail, except the ${draft.holdout_percent} % holdout. Once sending starts it can be paused or cancelled, not edited.`,
      confirmText: when.send_at ? "Schedule" : "Send now",
      cancelText: "Back",
    })
    if (!confirmed) return
    const id = await persist()
    if (!id) return
    try {
      await changeStatus.mutateAsync({ id, body: { action: "schedule", ...(when.send_at ? { send_at: when.send_at } : {}) } })
      toast.success(when.send_at ? "Campaign scheduled" : "Campaign starts within a minute", {
        description: when.send_at ? `${draft.name}: ${formatDateTime(when.send_at)}` : draft.name,
      })
    } catch (error) {
      if (campaign) {
        setErrors(placeError(error, {}))
      } else {
        toast.error("Saved as a draft, but not scheduled", { description: errorMessage(error) })
      }
    }
    if (!campaign) navigate(`/email-campaigns/${id}`)
  }

  const busy = save.isPending || changeStatus.isPending
  const activeLanguage = draft.templates.some((t) => t.language === active) ? active : (draft.templates[0]?.language ?? "")
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading level="h1">{campaign ? campaign.name : "Create campaign"}</Heading>
          {header ?? (
            <Text size="small" className="text-ui-fg-subtle">
              A personalised e-mail to a segment, in each customer&apos;s language.
            </Text>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/email-campaigns">{campaign ? "Back" : "Cancel"}</Link>
          </Button>
          {!readOnly && (
            <Button size="small" variant={canSchedule ? "secondary" : "primary"} onClick={onSave} isLoading={save.isPending && !changeStatus.isPending} disabled={busy || !changed}>
              {campaign ? "Save" : "Save draft"}
            </Button>
          )}
          {canSchedule && (
            <Button size="small" onClick={onSchedule} isLoading={changeStatus.isPending} disabled={busy}>
              {schedule.when === "now" ? "Send now…" : "Schedule…"}
            </Button>
          )}
        </div>
      </Container>
      {errors.form.length > 0 && (
        <Container className="px-6 py-3">
          {errors.form.map((message) => (
            <Text key={message} size="small" className="text-ui-fg-error" role="alert">
              {message}
            </Text>
          ))}
        </Container>
      )}
      {children}
      <div className="flex flex-col gap-3 xl:flex-row xl:items-start">
        <div className="flex min-w-0 flex-1 flex-col gap-y-3">
          <CampaignDetailsSection draft={draft} onChange={change} errors={errors.fields} readOnly={readOnly} />
          <TemplateEditor
            templates={draft.templates}
            defaultLanguage={draft.default_language}
            onChange={(templates) => change({ templates })}
            errors={errors.templates}
            generalError={errors.fields.templates}
            readOnly={readOnly}
            active={activeLanguage}
            onActiveChange={setActive}
          />
          <CampaignSettingsSection draft={draft} onChange={change} errors={errors.fields} readOnly={readOnly} />
          <CampaignScheduleSection
            campaign={campaign}
            schedule={schedule}
            onChange={(next) => {
              setSchedule(next)
              setErrors(NO_ERRORS)
            }}
            error={errors.fields.send_at}
          />
        </div>
        <div className="flex w-full flex-col gap-y-3 xl:sticky xl:top-3 xl:w-[440px]">
          <CampaignPreviewPanel campaignId={campaign?.id} segmentId={draft.segment_id || undefined} language={activeLanguage || null} unsaved={!!campaign && changed} />
        </div>
      </div>
    </div>
  )
}
