import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Input, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useDebouncedValue } from "../../hooks/use-debounced-value"
import { useLookupNames } from "../../hooks/use-segment-lookups"
import { useSegments } from "../../hooks/use-segments"
import { errorMessage } from "../../lib/error-message"
import { formatCount } from "../../lib/segment-format"
import { LastRefreshed, LiveBadge, RefreshingBadge } from "./segment-status"
import { SegmentActions } from "./segment-actions"

const PAGE_SIZE = 20

/**
 * Every segment: name, members, when they were last computed in full (or that they are being
 * computed now), the customer group they sync to and live/paused, with a search by name. Rows
 * open the builder; the "…" menu refreshes, exports or deletes.
 */
export const SegmentsTable = () => {
  const navigate = useNavigate()
  const [pageIndex, setPageIndex] = useState(0)
  const [search, setSearch] = useState("")
  const q = useDebouncedValue(search.trim())
  const { data, isLoading, isError, error } = useSegments({ limit: PAGE_SIZE, offset: pageIndex * PAGE_SIZE, ...(q ? { q } : {}) })
  const segments = data?.segments ?? []
  const groups = useLookupNames(
    "customer_group_ids",
    segments.flatMap((segment) => (segment.customer_group_id ? [segment.customer_group_id] : []))
  )
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  let body
  if (isError) {
    body = (
      <Text size="small" className="text-ui-fg-error px-6 py-4">
        {errorMessage(error)}
      </Text>
    )
  } else if (isLoading) {
    body = (
      <Text size="small" className="text-ui-fg-muted px-6 py-4">
        Loading segments…
      </Text>
    )
  } else if (!segments.length) {
    body = (
      <Text size="small" className="text-ui-fg-muted px-6 py-4">
        {q ? `No segment is named like “${q}”.` : "No segments yet. Create one to group customers by what they did and where they are."}
      </Text>
    )
  } else {
    body = (
      <div>
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Name</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Members</Table.HeaderCell>
              <Table.HeaderCell>Last refreshed</Table.HeaderCell>
              <Table.HeaderCell>Customer group</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {segments.map((segment) => (
              <Table.Row key={segment.id} className="cursor-pointer" onClick={() => navigate(`/segments/${segment.id}`)}>
                <Table.Cell>
                  <div className="flex flex-col py-1">
                    <Link
                      to={`/segments/${segment.id}`}
                      onClick={(event) => event.stopPropagation()}
                      className="txt-compact-small-plus text-ui-fg-base hover:underline"
                    >
                      {segment.name}
                    </Link>
                    {segment.description && (
                      <Text size="xsmall" className="text-ui-fg-muted max-w-[360px] truncate">
                        {segment.description}
                      </Text>
                    )}
                  </div>
                </Table.Cell>
                <Table.Cell className="text-right tabular-nums">
                  {segment.refreshing ? <RefreshingBadge /> : formatCount(segment.member_count)}
                </Table.Cell>
                <Table.Cell>
                  <LastRefreshed at={segment.last_refreshed_at} />
                </Table.Cell>
                <Table.Cell>
                  {segment.customer_group_id ? (
                    <Link
                      to={`/customer-groups/${segment.customer_group_id}`}
                      onClick={(event) => event.stopPropagation()}
                      className="txt-compact-small text-ui-fg-interactive hover:underline"
                    >
                      {groups.data?.get(segment.customer_group_id)?.label ?? segment.customer_group_id}
                    </Link>
                  ) : (
                    <Text size="small" className="text-ui-fg-muted">
                      —
                    </Text>
                  )}
                </Table.Cell>
                <Table.Cell>
                  <LiveBadge live={segment.is_live} />
                </Table.Cell>
                <Table.Cell onClick={(event) => event.stopPropagation()} className="text-right">
                  <SegmentActions segment={segment} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        <Table.Pagination
          count={count}
          pageSize={PAGE_SIZE}
          pageIndex={pageIndex}
          pageCount={pageCount}
          canPreviousPage={pageIndex > 0}
          canNextPage={pageIndex + 1 < pageCount}
          previousPage={() => setPageIndex((index) => Math.max(0, index - 1))}
          nextPage={() => setPageIndex((index) => index + 1)}
        />
      </div>
    )
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">Segments</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Customers grouped by who they are, where they are and what they bought, kept current as they order.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <Input
            size="small"
            type="search"
            aria-label="Search segments by name"
            placeholder="Search"
            value={search}
            onChange={(event) => {
              setSearch(event.target.value)
              setPageIndex(0)
            }}
          />
          <Button size="small" variant="secondary" asChild>
            <Link to="/segments/create">
              <Plus />
              Create
            </Link>
          </Button>
        </div>
      </div>
      {body}
    </Container>
  )
}
