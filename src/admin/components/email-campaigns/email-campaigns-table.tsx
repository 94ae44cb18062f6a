import { Plus } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useEmailCampaignReports, useEmailCampaigns, useSegmentsById } from "../../hooks/use-email-campaigns"
import { formatDateTime } from "../../lib/format"
import { CAMPAIGN_STATUSES, type AdminEmailCampaignReportResponse, type EmailCampaign } from "../../lib/email-campaign-types"
import { formatRate } from "../../lib/email-campaign-report"
import { formatCount, formatMoney } from "../../lib/segment-format"
import { QueryState } from "../common/query-state"
import { ALL_STATUSES, StatusFilter } from "../common/status-filter"
import { CampaignStatusBadge } from "./campaign-status-badge"

const PAGE_SIZE = 20

/** The row's second line: when it is due, started or finished. */
function timing(campaign: EmailCampaign): string {
  if (campaign.status === "scheduled") return `Sends ${formatDateTime(campaign.scheduled_at)}`
  if (campaign.status === "sent" || (campaign.status === "cancelled" && campaign.started_at)) return `Sent ${formatDateTime(campaign.started_at)}`
  if (campaign.started_at) return `Started ${formatDateTime(campaign.started_at)}`
  return `Created ${formatDateTime(campaign.created_at)}`
}

const Muted = ({ children = "—" }: { children?: string }) => (
  <Text size="small" className="text-ui-fg-muted">
    {children}
  </Text>
)

/** Sent, clicked and attributed revenue of a started campaign, from its report. */
const Figures = ({ report }: { report: AdminEmailCampaignReportResponse | undefined }) => {
  if (!report) {
    return (
      <>
        <Table.Cell className="text-right">
          <Muted />
        </Table.Cell>
        <Table.Cell className="text-right">
          <Muted />
        </Table.Cell>
        <Table.Cell className="text-right">
          <Muted />
        </Table.Cell>
      </>
    )
  }
  const { sent, clicked } = report.counts
  return (
    <>
      <Table.Cell className="text-right tabular-nums">{formatCount(sent)}</Table.Cell>
      <Table.Cell className="text-right tabular-nums">
        {formatCount(clicked)}
        {sent > 0 && <span className="text-ui-fg-muted"> · {formatRate(clicked / sent)}</span>}
      </Table.Cell>
      <Table.Cell className="text-right tabular-nums">
        {report.attributed.length ? report.attributed.map((a) => formatMoney(a.revenue, a.currency_code)).join(" · ") : <Muted />}
      </Table.Cell>
    </>
  )
}

/**
 * Every campaign, newest first: name with when it sends or sent, target segment, status, audience
 * (snapshotted when sending starts), sent, clicked and revenue attributed net of refunds; a
 * filter by status. Rows open the campaign.
 */
export const EmailCampaignsTable = () => {
  const navigate = useNavigate()
  const [pageIndex, setPageIndex] = useState(0)
  const [status, setStatus] = useState<string>(ALL_STATUSES)
  const { data, isLoading, isError, error } = useEmailCampaigns({
    limit: PAGE_SIZE,
    offset: pageIndex * PAGE_SIZE,
    ...(status !== ALL_STATUSES ? { status } : {}),
  })
  const campaigns = data?.email_campaigns ?? []
  const segments = useSegmentsById(campaigns.map((c) => c.segment_id))
  const reports = useEmailCampaignReports(campaigns)
  const count = data?.count ?? 0
  const pageCount = Math.max(1, Math.ceil(count / PAGE_SIZE))

  return (
    <Container className="divide-y p-0">
      <div className="flex flex-wrap items-center justify-between gap-4 px-6 py-4">
        <div>
          <Heading level="h1">E-mail campaigns</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Personalised e-mail to a segment, with a holdout group to measure what it really added.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          <StatusFilter
            value={status}
            statuses={CAMPAIGN_STATUSES}
            label={(s) => s[0].toUpperCase() + s.slice(1)}
            onChange={(value) => {
              setStatus(value)
              setPageIndex(0)
            }}
          />
          <Button size="small" variant="secondary" asChild>
            <Link to="/email-campaigns/create">
              <Plus />
              Create
            </Link>
          </Button>
        </div>
      </div>
      <QueryState
        isError={isError}
        error={error}
        isLoading={isLoading}
        loadingText="Loading campaigns…"
        isEmpty={!campaigns.length}
        emptyText={status !== ALL_STATUSES ? "No campaign has this status." : "No campaigns yet. Create one to e-mail a segment."}
      >
        <div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Name</Table.HeaderCell>
                <Table.HeaderCell>Segment</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Audience</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Sent</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Clicked</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {campaigns.map((campaign) => {
                const segment = segments.data?.get(campaign.segment_id)
                return (
                  <Table.Row key={campaign.id} className="cursor-pointer" onClick={() => navigate(`/email-campaigns/${campaign.id}`)}>
                    <Table.Cell>
                      <div className="flex flex-col py-1">
                        <Link
                          to={`/email-campaigns/${campaign.id}`}
                          onClick={(event) => event.stopPropagation()}
                          className="txt-compact-small-plus text-ui-fg-base max-w-[320px] truncate hover:underline"
                        >
                          {campaign.name}
                        </Link>
                        <Text size="xsmall" className="text-ui-fg-muted">
                          {timing(campaign)}
                        </Text>
                      </div>
                    </Table.Cell>
                    <Table.Cell>
                      {segment ? (
                        <Link
                          to={`/segments/${segment.id}`}
                          onClick={(event) => event.stopPropagation()}
                          className="txt-compact-small text-ui-fg-interactive block max-w-[280px] truncate hover:underline"
                          title={segment.name}
                        >
                          {segment.name}
                        </Link>
                      ) : (
                        <Muted>{segments.isLoading ? "…" : "deleted segment"}</Muted>
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      <CampaignStatusBadge status={campaign.status} />
                    </Table.Cell>
                    <Table.Cell className="text-right tabular-nums">
                      {campaign.started_at ? (
                        formatCount(campaign.audience_size)
                      ) : segment ? (
                        <span title="Members of the segment now; the audience is fixed when sending starts" className="txt-compact-small text-ui-fg-muted">
                          ≈ {formatCount(segment.member_count)}
                        </span>
                      ) : (
                        <Muted />
                      )}
                    </Table.Cell>
                    <Figures report={reports.get(campaign.id)} />
                  </Table.Row>
                )
              })}
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
      </QueryState>
    </Container>
  )
}
