import { Button, Container, Heading, Text, toast } from "@medusajs/ui"
import { useMemo, useRef, useState, type ReactNode } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useStoreCurrencies } from "../../hooks/use-segment-lookups"
import { useSaveSegment, useSegmentPreview } from "../../hooks/use-segments"
import { errorMessage, isInvalidData } from "../../lib/error-message"
import { placeServerError } from "../../lib/server-error"
import { buildDefinition, newGroup, parseDefinition, placeIssues, softenPristine, type BuiltDefinition, type DraftGroup, type PlacedIssues } from "../../lib/segment-tree"
import type { AdminSegmentFieldsResponse, Segment, SegmentCustomer } from "../../lib/segment-types"
import { CustomerSampleTable } from "./customer-sample-table"
import { DefinitionExplainDrawer } from "./definition-explain-drawer"
import { GroupEditor, type TreeContext } from "./group-editor"
import { LiveCountCard } from "./live-count-card"
import { SegmentDetailsSection } from "./segment-details-section"
import { toDetailsDraft, toPayload, type SegmentDetailsDraft } from "./segment-draft"
import { SegmentOptionsSection } from "./segment-options-section"

const FORM_FIELDS = ["name", "description", "customer_group_id"] as const
type FormErrors = Partial<Record<(typeof FORM_FIELDS)[number] | "form", string>>

/** Recent trees by their JSON, so a preview's 400 is placed with the paths of the tree it was about. */
const BUILT_HISTORY = 20

/**
 * The segment builder: name and options, the condition tree, and beside it the live count and a
 * sample of 20 for the tree as typed. The server validates every version of the tree; its 400
 * names the path of each bad node, shown on that node. Saving creates the segment (then opens
 * it) or updates it; its members are then computed on the worker (`refreshing`).
 */
export const SegmentBuilder = ({
  segment,
  catalog,
  header,
}: {
  segment?: Segment
  catalog: AdminSegmentFieldsResponse
  /** Status and actions of a saved segment, shown beside the title. */
  header?: ReactNode
}) => {
  const navigate = useNavigate()
  const fieldMap = useMemo(() => new Map(catalog.fields.map((field) => [field.field as string, field])), [catalog.fields])
  const [details, setDetails] = useState<SegmentDetailsDraft>(() => toDetailsDraft(segment))
  const [tree, setTree] = useState<DraftGroup>(() => (segment ? parseDefinition(segment.definition, fieldMap) : newGroup("and")))
  const [formErrors, setFormErrors] = useState<FormErrors>({})
  const [saveIssues, setSaveIssues] = useState<PlacedIssues | null>(null)
  const [explaining, setExplaining] = useState<SegmentCustomer | null>(null)
  const { data: currencies } = useStoreCurrencies()
  const save = useSaveSegment()

  const built = useMemo(() => buildDefinition(tree, fieldMap), [tree, fieldMap])
  const body = JSON.stringify(built.definition)
  const history = useRef(new Map<string, BuiltDefinition>())
  history.current.delete(body)
  history.current.set(body, built)
  if (history.current.size > BUILT_HISTORY) {
    history.current.delete(history.current.keys().next().value!)
  }

  const isEmpty = tree.children.length === 0
  const preview = useSegmentPreview(isEmpty ? null : built.definition, segment?.id)
  const previewRequested = preview.requestedBody
  const previewIssues = useMemo(() => {
    if (!preview.error || !isInvalidData(preview.error) || typeof previewRequested !== "string") {
      return null
    }
    return softenPristine(placeIssues(preview.error.message, history.current.get(previewRequested) ?? built, tree), tree)
  }, [preview.error, previewRequested, built, tree])
  const issues = saveIssues ?? previewIssues
  const nodeIssues = issues ? [...issues.byNode.values()].flat() : []
  const issueCount = nodeIssues.filter((issue) => !issue.soft).length
  const hintCount = nodeIssues.length - issueCount

  const treeContext: TreeContext = {
    fields: catalog.fields,
    issues: issues?.byNode ?? new Map(),
    inputs: { countryLists: catalog.country_lists, segmentId: segment?.id, timeUnits: ["days", "weeks", "months", "years"] },
    defaultCurrency: currencies?.[0]?.code,
  }

  const changeTree = (next: DraftGroup) => {
    setTree(next)
    setSaveIssues(null)
  }
  const changeDetails = (patch: Partial<SegmentDetailsDraft>) => {
    setDetails((current) => ({ ...current, ...patch }))
    setFormErrors({})
  }

  const onSave = () => {
    if (!details.name.trim()) {
      setFormErrors({ name: "Give the segment a name." })
      return
    }
    save.mutate(
      { id: segment?.id, body: toPayload(details, built.definition) },
      {
        onSuccess: ({ segment: saved }) => {
          toast.success(segment ? "Segment saved" : "Segment created", {
            description: saved.refreshing ? `${saved.name}: computing its members…` : saved.name,
          })
          setDetails(toDetailsDraft(saved))
          setSaveIssues(null)
          if (!segment) {
            navigate(`/segments/${saved.id}`)
          }
        },
        onError: (error) => {
          if (!isInvalidData(error)) {
            setFormErrors({ form: errorMessage(error) })
            return
          }
          const placed = placeIssues(error.message, built, tree)
          setSaveIssues(placed)
          const rest = placed.unplaced.join("; ")
          if (rest) {
            const { field, message } = placeServerError(new Error(rest), FORM_FIELDS)
            setFormErrors({ [field === "form" ? "form" : field]: message })
          } else {
            setFormErrors({})
          }
        },
      }
    )
  }

  const unplacedPreview = previewIssues?.unplaced.join("; ")
  const previewError = preview.error && !isInvalidData(preview.error) ? errorMessage(preview.error) : unplacedPreview || undefined

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div className="flex min-w-0 flex-col gap-y-1">
          <Heading level="h1">{segment ? segment.name : "Create segment"}</Heading>
          {header ?? (
            <Text size="small" className="text-ui-fg-subtle">
              Customers who match the conditions below, counted as you type.
            </Text>
          )}
        </div>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link to="/segments">{segment ? "Back" : "Cancel"}</Link>
          </Button>
          <Button size="small" onClick={onSave} isLoading={save.isPending}>
            {segment ? "Save" : "Create"}
          </Button>
        </div>
      </Container>
      {formErrors.form && (
        <Text size="small" className="text-ui-fg-error px-1" role="alert">
          {formErrors.form}
        </Text>
      )}
      <div className="flex flex-col gap-3 xl:flex-row xl:items-start">
        <div className="flex min-w-0 flex-1 flex-col gap-y-3">
          <SegmentDetailsSection details={details} onChange={changeDetails} errors={formErrors} />
          <Container className="flex flex-col gap-y-3 px-6 py-4">
            <div>
              <Heading level="h2">Conditions</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Groups match all (AND) or any (OR) of what is in them; NOT turns a condition or group around.
              </Text>
            </div>
            <GroupEditor group={tree} onChange={changeTree} tree={treeContext} />
          </Container>
          <Container className="divide-y p-0">
            <div className="px-6 py-4">
              <Heading level="h2">Sample</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                Up to 20 of the customers the conditions match now.
              </Text>
            </div>
            {preview.data?.sample.length && !isEmpty && !nodeIssues.length ? (
              <CustomerSampleTable customers={preview.data.sample} onExplain={setExplaining} />
            ) : (
              <Text size="small" className="text-ui-fg-muted px-6 py-4">
                {isEmpty
                  ? "No conditions yet."
                  : issueCount
                    ? "Fix the highlighted conditions to see who matches."
                    : hintCount
                      ? "Finish the new condition to see who matches."
                      : preview.data
                        ? "No customer matches."
                        : "Counting…"}
              </Text>
            )}
          </Container>
        </div>
        <div className="flex w-full flex-col gap-y-3 xl:sticky xl:top-3 xl:w-[360px]">
          <LiveCountCard
            count={preview.data?.count}
            tookMs={preview.data?.took_ms}
            isOutdated={preview.isOutdated}
            isEmpty={isEmpty}
            issueCount={issueCount}
            incomplete={hintCount > 0}
            error={previewError}
          />
          <SegmentOptionsSection details={details} onChange={changeDetails} error={formErrors.customer_group_id} />
        </div>
      </div>
      <DefinitionExplainDrawer
        customer={explaining}
        onClose={() => setExplaining(null)}
        definition={built.definition}
        segmentId={segment?.id}
        segmentName={details.name.trim() || "this segment"}
        fields={catalog.fields}
      />
    </div>
  )
}
