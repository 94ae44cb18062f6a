import { Container, Heading, Text } from "@medusajs/ui"
import { useEmailCampaignReport } from "../../hooks/use-email-campaigns"
import { currencySections, funnelSteps } from "../../lib/email-campaign-report"
import type { EmailCampaign } from "../../lib/email-campaign-types"
import { formatDateTime } from "../../lib/format"
import { QueryState } from "../common/query-state"
import { CurrencyResults } from "./currency-results"
import { FunnelChart } from "./funnel-chart"
import { ReportCounts } from "./report-counts"

/**
 * The campaign's report: every count, the funnel, and per currency the treated vs holdout
 * comparison with incremental revenue and lift (GET /:id/report); read again every 10 s while it sends.
 */
export const CampaignReport = ({ campaign }: { campaign: EmailCampaign }) => {
  const { data, isLoading, isError, error } = useEmailCampaignReport(campaign.id, { live: campaign.status === "sending" })
  const sections = data ? currencySections(data) : []
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div>
          <Heading level="h2">Report</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {data?.window.from
              ? `Orders from ${formatDateTime(data.window.from)} to ${formatDateTime(data.window.to)} (the ${campaign.attribution_window_days}-day window after sending started) are compared; an order counts for the campaign after ${campaign.attribution_model === "click" ? "a click" : "a click or an open"}.`
              : "Figures appear once sending starts."}
          </Text>
        </div>
        <QueryState isError={isError} error={error} isLoading={isLoading} loadingText="Loading the report…" isEmpty={false} emptyText="">
          {data && (
            <div className="flex flex-col gap-y-6">
              <ReportCounts counts={data.counts} />
              <FunnelChart steps={funnelSteps(data)} />
            </div>
          )}
        </QueryState>
      </Container>
      {data && !sections.length && (
        <Container className="px-6 py-4">
          <Text size="small" className="text-ui-fg-muted">
            No orders yet from treated or holdout recipients in the window: conversion, revenue and lift appear with the first order.
          </Text>
        </Container>
      )}
      {sections.map((section) => (
        <CurrencyResults key={section.currency_code} section={section} />
      ))}
    </div>
  )
}
