import { ArrowPath } from "@medusajs/icons"
import { Container, Heading, Text, clx } from "@medusajs/ui"
import { formatCount } from "../../lib/segment-format"

/**
 * The live count of the tree being edited: how many customers match now, how long the server took,
 * and whether the figure is for an older version of the tree (the admin is still typing, or the
 * request is under way). When the server rejected the tree, the count gives way to a pointer to
 * the highlighted conditions.
 */
export const LiveCountCard = ({
  count,
  tookMs,
  isOutdated,
  isEmpty,
  issueCount,
  incomplete,
  error,
}: {
  count: number | undefined
  tookMs: number | undefined
  isOutdated: boolean
  isEmpty: boolean
  issueCount: number
  /** A condition just added still lacks what it needs (not an error yet). */
  incomplete: boolean
  /** A failure that is not about the tree (network, 500). */
  error?: string
}) => (
  <Container className="flex flex-col gap-y-1 px-6 py-4" aria-live="polite" aria-busy={isOutdated}>
    <div className="flex items-center justify-between">
      <Heading level="h2">Matching customers</Heading>
      {isOutdated && !isEmpty && <ArrowPath className="text-ui-fg-muted animate-spin" aria-label="Counting" />}
    </div>
    {isEmpty ? (
      <Text size="small" className="text-ui-fg-subtle">
        Add a condition to count who matches.
      </Text>
    ) : issueCount > 0 ? (
      <Text size="small" className="text-ui-fg-error">
        {issueCount === 1 ? "One condition needs" : `${issueCount} conditions need`} attention before customers can be counted.
      </Text>
    ) : incomplete ? (
      <Text size="small" className="text-ui-fg-subtle">
        Finish the new condition to count who matches.
      </Text>
    ) : error ? (
      <Text size="small" className="text-ui-fg-error">
        {error}
      </Text>
    ) : (
      <>
        <Text className={clx("text-ui-fg-base text-3xl font-semibold tabular-nums", isOutdated && "text-ui-fg-muted")} data-testid="live-count">
          {count === undefined ? "…" : formatCount(count)}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          {tookMs === undefined ? "Counting…" : `counted now in ${tookMs} ms`}
          {isOutdated && tookMs !== undefined ? " · updating…" : ""}
        </Text>
      </>
    )}
  </Container>
)
